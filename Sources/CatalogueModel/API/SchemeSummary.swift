/// One of the catalogue's vocabularies: `{"scheme", "iri", "label", "concepts", "facet"}`.
public struct SchemeSummary: Codable, Hashable, Sendable {
    public var scheme: ConceptScheme
    public var iri: String
    public var label: String
    /// Concepts in the scheme, deprecated ones left out.
    public var concepts: Int
    /// Whether datasets can be searched by it (`cancerType`, `modality`, `bodySite`).
    public var facet: Bool

    public init(scheme: ConceptScheme, iri: String, label: String, concepts: Int, facet: Bool) {
        self.scheme = scheme
        self.iri = iri
        self.label = label
        self.concepts = concepts
        self.facet = facet
    }
}
