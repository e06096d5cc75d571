import CatalogueEngine
import CatalogueModel
import HTTPTypes

/// The body of `POST /api/v1/vocabularies/changes`: one curator operation, as the CLI's
/// `catalogue vocab …` verbs take it. `op` names the verb; concepts are referenced as the CLI
/// references them (an IRI, `ct:nsclc`, `cancerType:nsclc`) and resolved on the writer, against
/// the vocabulary the edit is applied to.
struct VocabularyEditRequest: Sendable {
    enum Operation: String, CaseIterable, Sendable {
        case addConcept = "add-concept", addLabel = "add-label", removeLabel = "remove-label", setBroader = "set-broader"
        case addCode = "add-code", removeCode = "remove-code", map, deprecate, merge
    }

    static let members: Set<String> = [
        "op", "reason", "scheme", "id", "prefLabel", "broader", "concept", "label", "kind", "system", "code", "value",
        "replacement", "source", "target",
    ]

    let reason: String
    /// Builds the edit once concept references can be resolved (on the writer thread).
    let build: @Sendable (_ resolve: (String) throws -> String) throws -> VocabularyEdit

    init(_ body: JSONBody) throws(Problem) {
        let opName = try body.requiredString("op")
        guard let op = Operation(rawValue: opName) else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                          detail: "unknown op '\(QueryParameters.shown(opName))': use \(Operation.allCases.map(\.rawValue).joined(separator: ", "))",
                          parameter: "op")
        }
        let allowed = Self.membersOf(op).union(["op", "reason"])
        if let stray = body.names.subtracting(allowed).sorted().first {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                          detail: "'\(stray)' is not a member of op '\(op.rawValue)': it takes \(allowed.sorted().joined(separator: ", "))",
                          parameter: stray)
        }
        reason = try body.requiredText("reason")
        build = try Self.builder(op, body)
    }

    private static func builder(_ op: Operation, _ body: JSONBody) throws(Problem) -> @Sendable ((String) throws -> String) throws -> VocabularyEdit {
        switch op {
        case .addConcept:
            let schemeName = try body.requiredString("scheme"), id = try body.requiredString("id")
            guard let scheme = CatalogueService.scheme(named: schemeName) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                              detail: "unknown scheme '\(QueryParameters.shown(schemeName))': use \(ConceptScheme.allCases.map(\.rawValue).joined(separator: ", "))",
                              parameter: "scheme")
            }
            guard let label = try body.label("prefLabel") else { throw JSONBody.missing("prefLabel") }
            let broader = try body.strings("broader")
            return { resolve in
                .addConcept(scheme: scheme, id: id, prefLabel: LangString(label.value, language: label.language), broader: try broader.map(resolve))
            }
        case .addLabel, .removeLabel:
            let concept = try body.requiredString("concept")
            guard let label = try body.label("label") else { throw JSONBody.missing("label") }
            let text = LangString(label.value, language: label.language)
            guard op == .addLabel else { return { resolve in .removeLabel(concept: try resolve(concept), label: text) } }
            let kind = try labelKind(body)
            return { resolve in .addLabel(concept: try resolve(concept), label: text, kind: kind) }
        case .setBroader:
            let concept = try body.requiredString("concept"), broader = try body.strings("broader")
            return { resolve in .setBroader(concept: try resolve(concept), broader: try broader.map(resolve)) }
        case .addCode, .removeCode:
            let concept = try body.requiredString("concept"), code = try body.requiredString("code")
            let systemName = try body.requiredString("system")
            guard let system = CodeSystem(named: systemName) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                              detail: "unknown code system '\(QueryParameters.shown(systemName))': use icd10, icdo3, ncit, oncotree, dicom, snomed, eucaim or uberon",
                              parameter: "system")
            }
            if op == .addCode { return { resolve in .addCode(concept: try resolve(concept), system: system, code: code) } }
            return { resolve in .removeCode(concept: try resolve(concept), system: system, code: code) }
        case .map:
            let value = try body.requiredString("value"), concept = try body.requiredString("concept")
            return { resolve in .mapValue(value: value, concept: try resolve(concept)) }
        case .deprecate:
            let concept = try body.requiredString("concept"), replacement = try body.string("replacement")
            return { resolve in .deprecate(concept: try resolve(concept), replacement: try replacement.map(resolve)) }
        case .merge:
            let source = try body.requiredString("source"), target = try body.requiredString("target")
            return { resolve in .merge(source: try resolve(source), target: try resolve(target)) }
        }
    }

    /// The members each operation reads besides `op` and `reason`.
    static func membersOf(_ op: Operation) -> Set<String> {
        switch op {
        case .addConcept: ["scheme", "id", "prefLabel", "broader"]
        case .addLabel: ["concept", "label", "kind"]
        case .removeLabel: ["concept", "label"]
        case .setBroader: ["concept", "broader"]
        case .addCode, .removeCode: ["concept", "system", "code"]
        case .map: ["value", "concept"]
        case .deprecate: ["concept", "replacement"]
        case .merge: ["source", "target"]
        }
    }

    private static func labelKind(_ body: JSONBody) throws(Problem) -> VocabularyEdit.LabelKind {
        guard let name = try body.string("kind") else { return .alt }
        guard let kind = VocabularyEdit.LabelKind(rawValue: name) else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "'kind' must be pref, alt or hidden", parameter: "kind")
        }
        return kind
    }
}
