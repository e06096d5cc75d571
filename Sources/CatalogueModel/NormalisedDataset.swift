/// A dataset after normalisation: the raw record's values mapped to curated concepts and codes.
///
/// This is what is stored beside the raw record and what the index and the JSON API are built from.
public struct NormalisedDataset: Codable, Hashable, Sendable, CustomStringConvertible {
    public var id: String
    public var node: String
    public var iri: String?
    public var titles: [LangString]
    public var descriptions: [LangString]
    public var keywords: [LangString]
    public var publisher: String?
    public var landingPage: String?
    /// EU access-right code: `PUBLIC`, `RESTRICTED` or `NON_PUBLIC`; nil when absent or unmapped.
    public var accessRights: String?
    /// EUCAIM tier as given (IRI or literal), e.g. `https://cancerimage.eu/ontology/EUCAIM#SPEC1000009`.
    public var tier: String?
    /// ISO 8601 dates (`YYYY-MM-DD`), when the raw value could be read.
    public var issued: String?
    public var modified: String?
    public var subjects: Int?
    public var studies: Int?
    public var minTypicalAge: Double?
    public var maxTypicalAge: Double?
    public var distributions: [RawDistribution]
    /// The most specific concepts the values mapped to (never their ancestors), with how.
    public var cancerTypes: [ConceptMapping]
    public var modalities: [ConceptMapping]
    public var bodySites: [ConceptMapping]
    /// Values of the EUCAIM code lists (tier, dataset type, collection method, sex), by scheme.
    public var codeLists: [ConceptScheme: [ConceptMapping]]
    public var unmapped: [UnmappedValue]

    public init(id: String, node: String) {
        self.id = id
        self.node = node
        titles = []
        descriptions = []
        keywords = []
        distributions = []
        cancerTypes = []
        modalities = []
        bodySites = []
        codeLists = [:]
        unmapped = []
    }

    /// The English title, else the best available one, else the identifier.
    public var title: String { titles.preferred("en") ?? id }

    /// The mappings of one scheme.
    public func mappings(_ scheme: ConceptScheme) -> [ConceptMapping] {
        switch scheme {
        case .cancerType: cancerTypes
        case .modality: modalities
        case .bodySite: bodySites
        default: codeLists[scheme] ?? []
        }
    }

    /// Concept IRIs of one scheme, in order, without duplicates.
    public func concepts(_ scheme: ConceptScheme) -> [String] {
        var seen = Set<String>()
        return mappings(scheme).map(\.concept).filter { seen.insert($0).inserted }
    }

    public var description: String { "\(node)/\(id)" }
}
