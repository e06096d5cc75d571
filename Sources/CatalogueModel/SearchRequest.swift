/// A faceted dataset search: free text, filters (OR within a field, AND across fields), sort, page.
public struct SearchRequest: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Sort: String, Codable, CaseIterable, Sendable {
        /// Best match first; with no text, index order (node, then id after a reindex; later imports after).
        case relevance
        /// Most subjects first.
        case subjects
        /// Most recently modified first.
        case modified
        /// Title A→Z.
        case title
    }

    /// A phrase of the text that names concepts: it matches as its own words or as any of the
    /// concepts (and, through the index's ancestor terms, everything below them).
    public struct SynonymClause: Codable, Hashable, Sendable {
        public var text: String
        /// Concept IRIs per facet field.
        public var concepts: [FacetField: [String]]
        public init(text: String, concepts: [FacetField: [String]]) {
            self.text = text
            self.concepts = concepts
        }
    }

    /// Free text, without the phrases moved to `synonyms`.
    public var text: String
    public var synonyms: [SynonymClause]
    /// Resolved filter values: concept IRIs for the concept fields, node ids, access-right codes.
    public var filters: [FacetField: Set<String>]
    public var sort: Sort
    /// 1-based.
    public var page: Int
    public var perPage: Int

    public init(
        text: String = "", filters: [FacetField: Set<String>] = [:], sort: Sort = .relevance,
        page: Int = 1, perPage: Int = 20, synonyms: [SynonymClause] = []
    ) {
        self.synonyms = synonyms
        precondition(page >= 1 && perPage >= 1, "page and perPage are validated before a request is built")
        self.text = text
        self.filters = filters.filter { !$0.value.isEmpty }
        self.sort = sort
        self.page = page
        self.perPage = perPage
    }

    public var description: String {
        "SearchRequest(text: \(text.isEmpty && synonyms.isEmpty ? "none" : "given"), filters: \(filters.keys.sorted().map(\.rawValue)), sort: \(sort.rawValue), page: \(page)x\(perPage))"
    }
}
