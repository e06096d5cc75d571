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

    public init(total: Int, page: Int, perPage: Int, datasets: [DatasetView], facets: Facets) {
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
