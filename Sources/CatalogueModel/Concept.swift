/// A SKOS concept of one of the curated vocabularies.
///
/// Everything a Turtle file of `Vocabularies/` says about a concept is kept, so that an export
/// writes back exactly what was loaded: typed notations keep their datatype (even one the
/// catalogue does not know, which the quality check reports), match links keep their relation.
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
    public var scopeNotes: [LangString]
    /// Notes for curators (`skos:editorialNote`), never shown to researchers.
    public var editorialNotes: [LangString]
    /// Typed `skos:notation` literals: codes of other systems ("C34"^^cvdt:ICD10).
    public var notations: [Notation]
    /// `skos:exactMatch` / `skos:closeMatch` / … links to concepts of other systems.
    public var matchLinks: [MatchLink]
    /// `skos:topConceptOf` its scheme: a root by design. A concept with no broader that is not a
    /// top concept is an orphan, which the quality check reports.
    public var topConcept: Bool
    /// `owl:deprecated true`: kept so its IRI still resolves, never offered for new mappings.
    public var deprecated: Bool
    /// `dct:isReplacedBy`: where values that named a deprecated concept now go.
    public var replacedBy: String?

    public init(
        iri: String, scheme: ConceptScheme, prefLabels: [String: String], altLabels: [LangString] = [],
        hiddenLabels: [LangString] = [], broader: [String] = [], related: [String] = [],
        scopeNotes: [LangString] = [], editorialNotes: [LangString] = [], notations: [Notation] = [], matchLinks: [MatchLink] = [],
        topConcept: Bool? = nil, deprecated: Bool = false, replacedBy: String? = nil
    ) {
        self.iri = iri
        self.scheme = scheme
        self.prefLabels = prefLabels
        self.altLabels = altLabels
        self.hiddenLabels = hiddenLabels
        self.broader = broader
        self.related = related
        self.scopeNotes = scopeNotes
        self.editorialNotes = editorialNotes
        self.notations = notations
        self.matchLinks = matchLinks
        self.topConcept = topConcept ?? broader.isEmpty
        self.deprecated = deprecated
        self.replacedBy = replacedBy
    }

    /// Builds a concept from codes by system (tests and simple callers): notation codes get the
    /// datatype their system and scheme imply, match IRIs become `skos:closeMatch` links.
    public init(
        iri: String, scheme: ConceptScheme, prefLabels: [String: String], altLabels: [LangString] = [],
        hiddenLabels: [LangString] = [], broader: [String] = [], related: [String] = [],
        codes: [CodeSystem: [String]], matches: [String] = []
    ) {
        var notations: [Notation] = []
        var links = matches.map { MatchLink(relation: .close, iri: $0) }
        for system in codes.keys.sorted() {
            for code in codes[system, default: []] {
                if let type = NotationType.forCode(code, system: system, scheme: scheme) {
                    notations.append(Notation(type: type, code: code))
                } else if let link = MatchLink.forCode(code, system: system) {
                    links.append(link)
                }
            }
        }
        self.init(
            iri: iri, scheme: scheme, prefLabels: prefLabels, altLabels: altLabels, hiddenLabels: hiddenLabels,
            broader: broader, related: related, notations: notations, matchLinks: links)
    }

    /// The English prefLabel, else any prefLabel, else the IRI.
    public var label: String { prefLabels["en"] ?? prefLabels.values.sorted().first ?? iri }

    /// Cross-reference codes by system, from notations and from match IRIs of known systems.
    public var codes: [CodeSystem: [String]] {
        var result: [CodeSystem: [String]] = [:]
        for notation in notations {
            guard let system = notation.type.system else { continue }
            if result[system]?.contains(notation.code) != true { result[system, default: []].append(notation.code) }
        }
        for link in matchLinks {
            guard let (system, code) = CodeSystem.code(fromIRI: link.iri) else { continue }
            if result[system]?.contains(code) != true { result[system, default: []].append(code) }
        }
        return result
    }

    /// Every match IRI, whatever its relation.
    public var matches: [String] { matchLinks.map(\.iri) }

    /// Every label in every language: pref, alt and hidden.
    public var allLabels: [LangString] {
        prefLabels.keys.sorted().map { LangString(prefLabels[$0]!, language: $0) } + altLabels + hiddenLabels
    }

    public var description: String { "\(scheme):\(iri)" }
}
