/// One concept with everything a curator or a hub needs to show it: the Concept of the JSON
/// contract (`concept`, `label`, `codes`) plus its labels, its neighbours and its use.
public struct ConceptDetail: Codable, Hashable, Sendable {
    /// A label with its SKOS kind.
    public struct Label: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Hashable, Sendable { case pref, alt, hidden }
        public var value: String
        public var language: String?
        public var kind: Kind

        public init(value: String, language: String?, kind: Kind) {
            self.value = value
            self.language = language
            self.kind = kind
        }

        enum CodingKeys: String, CodingKey { case value, language, kind }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(language, forKey: .language)
            try container.encode(kind, forKey: .kind)
        }
    }

    public var concept: String
    public var label: String
    public var codes: [String: [String]]
    public var scheme: ConceptScheme
    public var labels: [Label]
    public var broader: [ConceptView]
    public var narrower: [ConceptView]
    /// Concept IRIs in other vocabularies (NCIt, SNOMED CT, EUCAIM, UBERON) it matches.
    public var matches: [String]
    public var deprecated: Bool
    public var replacedBy: String?
    /// Datasets mapped to the concept or a narrower one; null for schemes that are not facets.
    public var datasets: Int?

    public init(
        concept: ConceptView, scheme: ConceptScheme, labels: [Label], broader: [ConceptView], narrower: [ConceptView],
        matches: [String], deprecated: Bool, replacedBy: String?, datasets: Int?
    ) {
        self.concept = concept.concept
        self.label = concept.label
        self.codes = concept.codes
        self.scheme = scheme
        self.labels = labels
        self.broader = broader
        self.narrower = narrower
        self.matches = matches
        self.deprecated = deprecated
        self.replacedBy = replacedBy
        self.datasets = datasets
    }

    enum CodingKeys: String, CodingKey {
        case concept, label, codes, scheme, labels, broader, narrower, matches, deprecated, replacedBy, datasets
    }

    /// Absent values are `null`: every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(concept, forKey: .concept)
        try container.encode(label, forKey: .label)
        try container.encode(codes, forKey: .codes)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(labels, forKey: .labels)
        try container.encode(broader, forKey: .broader)
        try container.encode(narrower, forKey: .narrower)
        try container.encode(matches, forKey: .matches)
        try container.encode(deprecated, forKey: .deprecated)
        try container.encode(replacedBy, forKey: .replacedBy)
        try container.encode(datasets, forKey: .datasets)
    }
}
