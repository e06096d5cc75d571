/// One `dcat:Dataset` as harvested: every value kept as given, nothing normalised yet.
///
/// Built by the profile mapping in `Harvesting`; stored verbatim in the catalogue so that a
/// vocabulary change can re-normalise without harvesting again.
public struct RawDataset: Codable, Hashable, Sendable {
    /// `dct:identifier` when present, else the dataset's IRI. Unique within a node.
    public var identifier: String
    /// The dataset's subject IRI, nil when it was a blank node.
    public var iri: String?
    public var titles: [LangString] = []
    public var descriptions: [LangString] = []
    public var keywords: [LangString] = []
    public var publisher: RawAgent?
    public var landingPages: [String] = []
    public var accessRights: RawValue?
    /// `dct:issued` / `dct:modified` lexical forms, as given.
    public var issued: String?
    public var modified: String?
    public var distributions: [RawDistribution] = []
    /// `healthdcatap:numberOfUniqueIndividuals`: subjects.
    public var subjects: Int?
    /// `healthdcatap:numberOfRecords`: imaging studies in EUCAIM DCAT-AP.
    public var studies: Int?
    public var minTypicalAge: Double?
    public var maxTypicalAge: Double?
    /// `eucaim:hasCondition`.
    public var conditions: [RawValue] = []
    /// `eucaim:hasImageModality`.
    public var modalities: [RawValue] = []
    /// `eucaim:hasImageBodyPart`.
    public var bodyParts: [RawValue] = []
    /// `eucaim:interoperabilityLevel` (or `adms:interoperabilityLevel`): the EUCAIM tier.
    public var interoperabilityLevel: RawValue?

    public init(identifier: String, iri: String? = nil) {
        self.identifier = identifier
        self.iri = iri
    }
}

/// A `dct:publisher` (or other `foaf:Agent`).
public struct RawAgent: Codable, Hashable, Sendable {
    public var iri: String?
    public var names: [LangString]

    public init(iri: String? = nil, names: [LangString] = []) {
        self.iri = iri
        self.names = names
    }
}

/// A `dcat:Distribution`.
public struct RawDistribution: Codable, Hashable, Sendable {
    public var iri: String?
    public var accessURLs: [String] = []
    public var downloadURLs: [String] = []
    public var format: RawValue?
    public var mediaType: RawValue?
    public var titles: [LangString] = []

    public init(iri: String? = nil) { self.iri = iri }
}
