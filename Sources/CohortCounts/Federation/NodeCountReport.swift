/// How one node took part in a federated count: it answered (its released values are in the
/// answer), or it is missing — down, slow, refusing — and then none of its datasets is in the
/// answer or the totals. A missing node is never a zero.
public struct NodeCountReport: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case answered, missing
    }

    public var node: String
    public var status: Status
    /// Why the node is missing, in one sentence (never a count).
    public var reason: String?
    /// The disclosure policy version the node released its values under.
    public var policyVersion: String?

    static func answered(_ node: String, policyVersion: String) -> NodeCountReport {
        NodeCountReport(node: node, status: .answered, reason: nil, policyVersion: policyVersion)
    }

    static func missing(_ node: String, _ reason: String) -> NodeCountReport {
        NodeCountReport(node: node, status: .missing, reason: reason, policyVersion: nil)
    }
}
