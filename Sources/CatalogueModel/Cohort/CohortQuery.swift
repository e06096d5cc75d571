/// A cohort count query after canonicalisation (`reference/privacy.md` §5.2): at most one value per
/// dimension, ANDed, each value resolved to what the index holds — concept IRIs (a concept
/// matches its descendants, which carry it as an ancestor), whole 10-year age bands, a dataset,
/// a node. Two phrasings of one question give the same value, hence the same `canonical` text,
/// which is what is logged, audited and compared for refinements.
public struct CohortQuery: Hashable, Sendable {
    /// The dimensions a count may be filtered on; nothing else is accepted.
    public enum Dimension: String, CaseIterable, Codable, Comparable, Sendable {
        case cancerType, modality, bodySite, sex, age, dataset, node

        public static func < (lhs: Dimension, rhs: Dimension) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// At most this many filters (dimensions) in one query.
    public static let maximumFilters = 6

    /// Per dimension, the canonical values (sorted): concept IRIs, age bands as "50-59" / "90+",
    /// a dataset as "node/id", a node id. Several values in one dimension come from one value the
    /// user gave (a code several concepts carry, an age range of several bands) and are ORed.
    public private(set) var filters: [Dimension: [String]]

    public init(filters: [Dimension: [String]] = [:]) {
        self.filters = filters.filter { !$0.value.isEmpty }.mapValues { Array(Set($0)).sorted() }
    }

    /// No filter: the dataset sizes themselves.
    public var isUnfiltered: Bool { filters.isEmpty }

    /// `age=50-59,60-69&cancerType=https://…&sex=https://…`: dimensions in name order, values sorted.
    public var canonical: String {
        filters.keys.sorted().map { "\($0.rawValue)=\(filters[$0]!.joined(separator: ","))" }.joined(separator: "&")
    }

    /// The age bands' lower bounds (0, 10, …, 90).
    public var ageBands: [Int] {
        (filters[.age] ?? []).compactMap { Int($0.prefix { $0.isNumber }) }.sorted()
    }

    /// The age band's canonical text: "50-59", or "90+" for the top band.
    public static func bandText(_ lower: Int) -> String { lower >= 90 ? "90+" : "\(lower)-\(lower + 9)" }
}
