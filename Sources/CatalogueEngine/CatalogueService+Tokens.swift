import CatalogueModel
import CatalogueStore
import Foundation

/// API tokens: created (the secret shown once), listed, revoked, and checked for the server.
extension CatalogueService {
    /// Creates a token for `role`; returns it with its secret, which is stored only as a hash.
    public func createToken(name: String, role: APIRole, expiresIn lifetime: Duration?, now: Date = Date()) throws -> (token: APIToken, secret: String) {
        try Self.validateTokenName(name)
        guard APIRole.grantable.contains(role) else {
            throw CatalogueEngineError.invalidToken("a token's role is researcher, curator or admin, not \(role)")
        }
        let expiry = lifetime.map { now.addingTimeInterval(Double($0.components.seconds)) }
        let token = APIToken(name: name, role: role, createdAt: now, expiresAt: expiry)
        let secret = TokenSecret.generate()
        do {
            try writing("token create") { try storeCall { try store.createToken(token, secret: secret) } }
        } catch CatalogueEngineError.store(.tokenNameTaken(let name)) {
            throw CatalogueEngineError.tokenNameTaken(name)
        }
        return (token, secret)
    }

    public func tokens() throws -> [APIToken] {
        try storeCall { try store.tokens() }
    }

    /// Revokes the live token named `name`: every request with it is refused from now on.
    public func revokeToken(named name: String) throws {
        let revoked = try writing("token revoke") { try storeCall { try store.revokeToken(named: name, at: Date()) } }
        guard revoked else { throw CatalogueEngineError.unknownToken(name) }
    }

    /// The live token a bearer secret belongs to; anything else is ``CatalogueEngineError/tokenRefused(_:)``.
    public func authenticate(secret: String, at date: Date = Date()) throws -> APIToken {
        guard TokenSecret.isWellFormed(secret) else { throw CatalogueEngineError.tokenRefused("the bearer token is not one this catalogue issues") }
        guard let token = try storeCall({ try store.token(secret: secret) }) else {
            throw CatalogueEngineError.tokenRefused("the bearer token is unknown")
        }
        if token.revokedAt != nil { throw CatalogueEngineError.tokenRefused("the bearer token was revoked") }
        if let expiry = token.expiresAt, expiry <= date { throw CatalogueEngineError.tokenRefused("the bearer token has expired") }
        return token
    }

    /// Refuses a name that is not 1–64 ASCII letters, digits, '.', '_', '@' or '-'.
    public static func validateTokenName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._@-".unicodeScalars.contains($0) }
        guard (1...64).contains(name.count), allowed, name.unicodeScalars.allSatisfy(\.isASCII) else {
            throw CatalogueEngineError.invalidToken("a token name is 1–64 ASCII letters, digits, '.', '_', '@' or '-', not '\(name.prefix(64))'")
        }
    }
}

/// The secret of a token: `ict_` and 43 base64url characters (256 random bits).
enum TokenSecret {
    static let prefix = "ict_"

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    static func isWellFormed(_ secret: String) -> Bool {
        guard secret.hasPrefix(prefix), secret.utf8.count == prefix.utf8.count + 43 else { return false }
        return secret.utf8.dropFirst(prefix.utf8.count).allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
