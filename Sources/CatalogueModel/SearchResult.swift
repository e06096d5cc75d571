/// The answer to a `SearchRequest`: exact total, one page of hits, exact facet counts.
public struct SearchResult: Hashable, Sendable, CustomStringConvertible {
    public var total: Int
    public var hits: [DatasetKey]
    /// Flat counts per field: value → number of matching datasets. For a field with a selection,
    /// counted with that field's own filter removed. Zero counts are omitted.
    public var facets: [FacetField: [String: Int]]

    public init(total: Int, hits: [DatasetKey], facets: [FacetField: [String: Int]]) {
        self.total = total
        self.hits = hits
        self.facets = facets
    }

    public var description: String { "SearchResult(total: \(total), hits: \(hits.count))" }
}

/// One facet value for display: its label and count, and for the hierarchical facet its children.
public struct FacetValue: Codable, Hashable, Sendable {
    public var value: String
    public var label: String
    public var count: Int
    public var children: [FacetValue]?

    public init(value: String, label: String, count: Int, children: [FacetValue]? = nil) {
        self.value = value
        self.label = label
        self.count = count
        self.children = children
    }
}
