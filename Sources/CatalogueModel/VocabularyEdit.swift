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
