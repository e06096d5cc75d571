import Foundation

/// An API token as the catalogue keeps it: its name, role and life. The secret itself is shown
/// once, when the token is created; only its SHA-256 is stored.
public struct APIToken: Codable, Hashable, Sendable {
    /// Who or what holds the token; the author of the changes made with it.
    public var name: String
    public var role: APIRole
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(name: String, role: APIRole, createdAt: Date, expiresAt: Date?, revokedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Usable at `date`: not revoked and not expired.
    public func isValid(at date: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { date < $0 } ?? true)
    }

    enum CodingKeys: String, CodingKey { case name, role, createdAt, expiresAt, revokedAt }

    /// Absent dates are `null`: every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(revokedAt, forKey: .revokedAt)
    }
}
