/// A SKOS concept of one of the curated vocabularies.
public struct Concept: Codable, Hashable, Sendable, CustomStringConvertible {
    public var iri: String
    public var scheme: ConceptScheme
    /// `skos:prefLabel` by language tag ("en", "de", …); at most one per language.
    public var prefLabels: [String: String]
    public var altLabels: [LangString]
    public var hiddenLabels: [LangString]
    /// IRIs of `skos:broader` concepts in the same scheme (polyhierarchy allowed).
    public var broader: [String]
    /// IRIs of `skos:related` concepts (combined body regions link to their parts this way).
    public var related: [String]
    /// Cross-reference codes by system; a range such as `C00-C14` is one code.
    public var codes: [CodeSystem: [String]]
    /// `skos:exactMatch` / `skos:closeMatch` IRIs in other systems (NCIt, SNOMED, EUCAIM, UBERON).
    public var matches: [String]

    public init(
        iri: String, scheme: ConceptScheme, prefLabels: [String: String], altLabels: [LangString] = [],
        hiddenLabels: [LangString] = [], broader: [String] = [], related: [String] = [],
        codes: [CodeSystem: [String]] = [:], matches: [String] = []
    ) {
        self.iri = iri
        self.scheme = scheme
        self.prefLabels = prefLabels
        self.altLabels = altLabels
        self.hiddenLabels = hiddenLabels
        self.broader = broader
        self.related = related
        self.codes = codes
        self.matches = matches
    }

    /// The English prefLabel, else any prefLabel, else the IRI.
    public var label: String { prefLabels["en"] ?? prefLabels.values.sorted().first ?? iri }

    public var description: String { "\(scheme):\(iri)" }
}
