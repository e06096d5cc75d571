/// What the search index is given for one dataset: text to search and filter values already
/// expanded (each concept *and its ancestors*), so the index needs no vocabulary of its own.
public struct IndexedDataset: Hashable, Sendable, CustomStringConvertible {
    public var key: DatasetKey
    /// Free text (title, description, keywords, concept labels in every language), stemmed in English.
    public var title: String
    public var text: [String]
    /// Filter values per facet field: concept IRIs with their ancestors, node id, access-right code.
    public var facetValues: [FacetField: [String]]
    public var subjects: Int?
    /// ISO 8601 date (`YYYY-MM-DD`).
    public var modified: String?

    public init(
        key: DatasetKey, title: String, text: [String], facetValues: [FacetField: [String]],
        subjects: Int? = nil, modified: String? = nil
    ) {
        self.key = key
        self.title = title
        self.text = text
        self.facetValues = facetValues
        self.subjects = subjects
        self.modified = modified
    }

    public var description: String { "IndexedDataset(\(key))" }
}
