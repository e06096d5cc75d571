/// A dataset as the JSON contract shows it (`docs/cli.md`): the normalised record with its
/// concepts resolved to `ConceptView`s. Later issues may add fields, never remove or rename them.
public struct DatasetView: Codable, Hashable, Sendable {
    public var id: String
    public var node: String
    /// The English title (else the best available one).
    public var title: String
    public var subjects: Int?
    /// The most specific concepts the dataset's values mapped to, not their ancestors.
    public var cancerTypes: [ConceptView]
    public var modalities: [ConceptView]
    public var bodySites: [ConceptView]
    public var unmapped: [UnmappedValue]

    public var iri: String?
    public var titles: [LangString]
    public var description: String?
    public var keywords: [String]
    public var studies: Int?
    public var minTypicalAge: Double?
    public var maxTypicalAge: Double?
    public var accessRights: String?
    public var tier: String?
    public var publisher: String?
    public var landingPage: String?
    public var issued: String?
    public var modified: String?
    public var distributions: [DistributionView]
    public var source: String?

    public init(
        _ dataset: NormalisedDataset, cancerTypes: [ConceptView], modalities: [ConceptView],
        bodySites: [ConceptView], source: String?
    ) {
        id = dataset.id
        node = dataset.node
        title = dataset.title
        subjects = dataset.subjects
        self.cancerTypes = cancerTypes
        self.modalities = modalities
        self.bodySites = bodySites
        unmapped = dataset.unmapped
        iri = dataset.iri
        titles = dataset.titles
        description = dataset.descriptions.preferred("en")
        keywords = dataset.keywords.map(\.value)
        studies = dataset.studies
        minTypicalAge = dataset.minTypicalAge
        maxTypicalAge = dataset.maxTypicalAge
        accessRights = dataset.accessRights
        tier = dataset.tier
        publisher = dataset.publisher
        landingPage = dataset.landingPage
        issued = dataset.issued
        modified = dataset.modified
        distributions = dataset.distributions.map(DistributionView.init)
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, node, title, subjects, cancerTypes, modalities, bodySites, unmapped
        case iri, titles, description, keywords, studies, minTypicalAge, maxTypicalAge, accessRights, tier
        case publisher, landingPage, issued, modified, distributions, source
    }

    /// Absent values are written as `null`, so every documented key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(node, forKey: .node)
        try container.encode(title, forKey: .title)
        try container.encode(subjects, forKey: .subjects)
        try container.encode(cancerTypes, forKey: .cancerTypes)
        try container.encode(modalities, forKey: .modalities)
        try container.encode(bodySites, forKey: .bodySites)
        try container.encode(unmapped, forKey: .unmapped)
        try container.encode(iri, forKey: .iri)
        try container.encode(titles, forKey: .titles)
        try container.encode(description, forKey: .description)
        try container.encode(keywords, forKey: .keywords)
        try container.encode(studies, forKey: .studies)
        try container.encode(minTypicalAge, forKey: .minTypicalAge)
        try container.encode(maxTypicalAge, forKey: .maxTypicalAge)
        try container.encode(accessRights, forKey: .accessRights)
        try container.encode(tier, forKey: .tier)
        try container.encode(publisher, forKey: .publisher)
        try container.encode(landingPage, forKey: .landingPage)
        try container.encode(issued, forKey: .issued)
        try container.encode(modified, forKey: .modified)
        try container.encode(distributions, forKey: .distributions)
        try container.encode(source, forKey: .source)
    }
}

/// A distribution in the JSON contract: where and in which format the data can be asked for.
public struct DistributionView: Codable, Hashable, Sendable {
    public var accessURL: String?
    public var downloadURL: String?
    public var format: String?

    public init(_ distribution: RawDistribution) {
        accessURL = distribution.accessURLs.first
        downloadURL = distribution.downloadURLs.first
        format = distribution.format?.text ?? distribution.mediaType?.text
    }

    enum CodingKeys: String, CodingKey { case accessURL, downloadURL, format }

    /// Absent values are `null`, as docs/cli.md promises for every key of the contract.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessURL, forKey: .accessURL)
        try container.encode(downloadURL, forKey: .downloadURL)
        try container.encode(format, forKey: .format)
    }
}
