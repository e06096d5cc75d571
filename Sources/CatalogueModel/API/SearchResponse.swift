/// The JSON answer of `catalogue search --json` (and later the HTTP API).
///
/// `facets` always holds the five fields; each value list is exact. The cancer-type list is a
/// tree: each value carries its children with their own counts.
public struct SearchResponse: Codable, Hashable, Sendable {
    public var total: Int
    public var page: Int
    public var perPage: Int
    public var datasets: [DatasetView]
    public var facets: Facets
    /// The text with misspelt words corrected from the vocabularies' labels, when some word is
    /// known neither to the vocabularies nor to the index.
    public var suggestion: String?
    /// The phrases of the text that were read as concepts, with the concepts (IRIs).
    public var interpretedAs: [String: [String]]

    public init(
        total: Int, page: Int, perPage: Int, datasets: [DatasetView], facets: Facets, suggestion: String? = nil,
        interpretedAs: [String: [String]] = [:]
    ) {
        self.suggestion = suggestion
        self.interpretedAs = interpretedAs
        self.total = total
        self.page = page
        self.perPage = perPage
        self.datasets = datasets
        self.facets = facets
    }

    public struct Facets: Codable, Hashable, Sendable {
        public var cancerType: [FacetValue]
        public var modality: [FacetValue]
        public var bodySite: [FacetValue]
        public var node: [FacetValue]
        public var accessRights: [FacetValue]

        public init(_ values: [FacetField: [FacetValue]]) {
            cancerType = values[.cancerType] ?? []
            modality = values[.modality] ?? []
            bodySite = values[.bodySite] ?? []
            node = values[.node] ?? []
            accessRights = values[.accessRights] ?? []
        }

        public subscript(field: FacetField) -> [FacetValue] {
            switch field {
            case .cancerType: cancerType
            case .modality: modality
            case .bodySite: bodySite
            case .node: node
            case .accessRights: accessRights
            }
        }
    }
}
