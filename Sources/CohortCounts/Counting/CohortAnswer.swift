import CatalogueModel

/// A count answer as it may leave the node (`reference/privacy.md` §5.4): per dataset a
/// ``ProtectedCount``, per data holder and overall the sum of released values with the number of
/// suppressed datasets, the canonical query and the policy. Nothing in it is an exact count.
public struct CohortAnswer: Codable, Equatable, Sendable {
    public struct DatasetCount: Codable, Equatable, Sendable {
        public var dataset: DatasetKey
        /// The data holder (the node).
        public var holder: String
        public var subjects: ProtectedCount
    }

    public struct HolderCount: Codable, Equatable, Sendable {
        public var holder: String
        public var total: ProtectedTotal
    }

    public struct Policy: Codable, Equatable, Sendable {
        public var k: Int
        public var rounding: Int
        public var noise: String
        public var version: String

        public static let current = Policy(
            k: DisclosurePolicy.threshold, rounding: DisclosurePolicy.roundingBase, noise: "cell-key", version: DisclosurePolicy.version)
    }

    /// The query as counted (canonical form); empty for the unfiltered dataset sizes.
    public var query: String
    public var datasets: [DatasetCount]
    public var holders: [HolderCount]
    public var total: ProtectedTotal
    public var policy: Policy
    /// A hub's answer: how each node asked took part (answered, or missing and why); nil at a node.
    public var nodes: [NodeCountReport]?

    /// Builds the holders' and overall totals from the released per-dataset values only.
    init(query: String, datasets: [DatasetCount]) {
        self.query = query
        self.datasets = datasets
        let holders = Dictionary(grouping: datasets, by: \.holder)
        self.holders = holders.keys.sorted().map { HolderCount(holder: $0, total: DisclosurePolicy.total(holders[$0]!.map(\.subjects))) }
        self.total = DisclosurePolicy.total(datasets.map(\.subjects))
        self.policy = .current
    }
}
