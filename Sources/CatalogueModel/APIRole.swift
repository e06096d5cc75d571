/// What an API caller may do. Roles are ordered: each may do what the ones before it may.
///
/// Anonymous callers (no token) search, read datasets and vocabularies and harvest the export;
/// researchers also ask for cohort counts; curators also edit the vocabularies and work the
/// unmapped queue; admins also start harvests and manage tokens.
public enum APIRole: String, Codable, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case anonymous
    case researcher
    case curator
    case admin

    /// The roles a token can carry (anonymous is the absence of one).
    public static let grantable: [APIRole] = [.researcher, .curator, .admin]

    public static func < (lhs: APIRole, rhs: APIRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var description: String { rawValue }
}
