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
    /// `dcat:contactPoint` (also the legacy `adms:contactPoint` and HealthDCAT-AP's `cv:contactPoint`).
    public var contactPoints: [RawContact] = []
    /// `dct:temporal`: periods given as `dcat:startDate`/`endDate`, `schema:startDate`/`endDate`
    /// or `time:hasBeginning`/`hasEnd`.
    public var temporal: [RawPeriod] = []
    /// `dcat:version` (legacy `owl:versionInfo`).
    public var version: String?
    /// Every other property of the dataset node, by predicate IRI, values as given (a blank node
    /// as Turtle-like text of what it holds), so nothing a node sent is lost.
    public var otherProperties: [String: [RawValue]] = [:]

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

/// A contact point (`vcard:Kind` or `cv:ContactPoint`).
public struct RawContact: Codable, Hashable, Sendable {
    public var iri: String?
    public var names: [LangString]
    /// `mailto:` stripped.
    public var emails: [String]
    public var urls: [String]

    public init(iri: String? = nil, names: [LangString] = [], emails: [String] = [], urls: [String] = []) {
        self.iri = iri
        self.names = names
        self.emails = emails
        self.urls = urls
    }
}

/// A period of time, bounds as given (lexical forms).
public struct RawPeriod: Codable, Hashable, Sendable {
    public var start: String?
    public var end: String?

    public init(start: String? = nil, end: String? = nil) {
        self.start = start
        self.end = end
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
    /// `dct:license`.
    public var license: RawValue?
    /// `dcat:byteSize`, as given.
    public var byteSize: String?
    /// `spdx:checksum` → `spdx:checksumValue`.
    public var checksum: String?

    public init(iri: String? = nil) { self.iri = iri }
}
