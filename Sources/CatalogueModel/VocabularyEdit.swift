/// One curator operation on the vocabularies. An edit names concepts by IRI; the CLI resolves
/// short forms ("ct:nsclc", "cancerType:nsclc", "ICD10:C34") before it builds one.
public enum VocabularyEdit: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum LabelKind: String, Codable, CaseIterable, Sendable {
        case pref, alt, hidden
    }

    case addConcept(scheme: ConceptScheme, id: String, prefLabel: LangString, broader: [String])
    case addLabel(concept: String, label: LangString, kind: LabelKind)
    /// Removes the label in whatever kind it has (pref, alt or hidden).
    case removeLabel(concept: String, label: LangString)
    /// Replaces the concept's broader concepts (empty makes it a top concept).
    case setBroader(concept: String, broader: [String])
    case addCode(concept: String, system: CodeSystem, code: String)
    case removeCode(concept: String, system: CodeSystem, code: String)
    /// A raw value from the unmapped queue: a code (`SYSTEM:CODE`) becomes a code on the concept,
    /// an IRI a `skos:closeMatch`, anything else a hidden label (found, never shown).
    case mapValue(value: String, concept: String)
    case deprecate(concept: String, replacement: String?)
    /// Moves every label, code and match link of `source` to `target`, re-points `source`'s
    /// children, and deprecates `source` in favour of `target`.
    case merge(source: String, target: String)

    /// A short verb for the history.
    public var kind: String {
        switch self {
        case .addConcept: "add-concept"
        case .addLabel: "add-label"
        case .removeLabel: "remove-label"
        case .setBroader: "set-broader"
        case .addCode: "add-code"
        case .removeCode: "remove-code"
        case .mapValue: "map"
        case .deprecate: "deprecate"
        case .merge: "merge"
        }
    }

    public var description: String {
        switch self {
        case .addConcept(let scheme, let id, let label, let broader):
            "add concept \(scheme):\(id) \(label)\(broader.isEmpty ? "" : " under \(broader.joined(separator: ", "))")"
        case .addLabel(let concept, let label, let kind): "add \(kind.rawValue) label \(label) to \(concept)"
        case .removeLabel(let concept, let label): "remove label \(label) from \(concept)"
        case .setBroader(let concept, let broader):
            "set broader of \(concept) to \(broader.isEmpty ? "none (top concept)" : broader.joined(separator: ", "))"
        case .addCode(let concept, let system, let code): "add code \(system):\(code) to \(concept)"
        case .removeCode(let concept, let system, let code): "remove code \(system):\(code) from \(concept)"
        case .mapValue(let value, let concept): "map \"\(value)\" to \(concept)"
        case .deprecate(let concept, let replacement): "deprecate \(concept)\(replacement.map { " in favour of \($0)" } ?? "")"
        case .merge(let source, let target): "merge \(source) into \(target)"
        }
    }
}

extension VocabularyEdit {
    /// A value of an edit that is not well-formed: which field it was given for, the value as
    /// shown (shortened when long), and what is allowed.
    public struct InvalidValue: Error, Hashable, Sendable, CustomStringConvertible {
        /// "concept id", "language tag".
        public var field: String
        /// What the value belongs to, when that says more: "the prefLabel", "an altLabel of <iri>".
        public var owner: String?
        public var value: String
        /// Why, when there is more to say than `allowed` (a length, the offending subtag).
        public var problem: String?
        public var allowed: String

        public init(field: String, owner: String? = nil, value: String, problem: String? = nil, allowed: String) {
            self.field = field
            self.owner = owner
            self.value = value
            self.problem = problem
            self.allowed = allowed
        }

        /// `'aaaaaaaa…' is not a concept id (5001 characters): use …` or
        /// `language tag 'en_gb' of the prefLabel is malformed (…): use …`. A long value is shortened.
        public var description: String {
            let shown = value.count > 40 ? String(value.prefix(24)) + "…" : value
            let reason = problem.map { " (\($0))" } ?? ""
            guard let owner else { return "'\(shown)' is not a \(field)\(reason): use \(allowed)" }
            return "\(field) '\(shown)' of \(owner) is malformed\(reason): use \(allowed)"
        }
    }

    /// The longest concept id: ids are the last segment of an IRI and appear in facets, filters
    /// and CLI arguments. The longest shipped id has 28 characters.
    public static let maxConceptIDLength = 64

    /// What a concept id may be, as messages say it.
    public static let conceptIDAllowed =
        "1–\(maxConceptIDLength) lower-case letters, digits and '-', starting with a letter (the last part of the concept's IRI)"

    /// Checks a new concept's id: 1–64 ASCII lower-case letters, digits and '-', starting with a
    /// letter. Every id of the shipped vocabularies has this form (`lung-squamous-cell-carcinoma`,
    /// `tier-3a-plus`), which keeps IRIs readable and free of escaping.
    public static func validateConceptID(_ id: String) throws(InvalidValue) {
        let length = id.count
        guard (1...maxConceptIDLength).contains(length) else {
            throw InvalidValue(
                field: "concept id", value: id, problem: length == 0 ? "it is empty" : "\(length) characters", allowed: conceptIDAllowed)
        }
        let allowedCharacters = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowedCharacters, let first = id.unicodeScalars.first, ("a"..."z").contains(first) else {
            throw InvalidValue(field: "concept id", value: id, allowed: conceptIDAllowed)
        }
    }

    /// Checks a language tag (nil means the default, English) for well-formed BCP 47.
    /// - Parameter field: what the tag belongs to, e.g. "the prefLabel".
    public static func validateLanguage(_ tag: String?, of field: String) throws(InvalidValue) {
        guard let tag, let problem = LanguageTag.problem(in: tag) else { return }
        throw InvalidValue(field: "language tag", owner: field, value: tag, problem: problem, allowed: LanguageTag.allowed)
    }

    /// Checks the values the edit introduces (ids, language tags). Values it only names (a label
    /// to remove, a concept to deprecate) are looked up instead, so an old malformed label can
    /// still be removed.
    public func validate() throws(InvalidValue) {
        switch self {
        case .addConcept(_, let id, let label, _):
            try Self.validateConceptID(id)
            try Self.validateLanguage(label.language, of: "the prefLabel")
        case .addLabel(_, let label, let kind):
            try Self.validateLanguage(label.language, of: "the \(kind.rawValue)Label")
        case .removeLabel, .setBroader, .addCode, .removeCode, .mapValue, .deprecate, .merge:
            return
        }
    }
}
