import CatalogueModel
import Foundation
import HTTPTypes

/// The concept editor's template context: the concept's labels per language (each removable),
/// its codes (each removable), broader and narrower concepts, and the forms that add to them.
enum ConceptEditorPage {
    /// The editor of a concept: its scheme and its IRI's last segment.
    static func url(scheme: ConceptScheme, iri: String) -> String {
        "/curate/concepts/\(scheme.rawValue)/" + (iri.split(separator: "/").last.map(String.init) ?? "")
    }

    static func context(_ detail: ConceptDetail, csrf: String, messages: WebMessages) -> [String: Any] {
        let labels = detail.labels.map { label -> [String: Any] in
            ["value": label.value, "language": label.language ?? "", "kind": messages.text("editor.kind.\(label.kind.rawValue)")]
        }
        let codes = detail.codes.sorted { $0.key < $1.key }.flatMap { system, codes in
            codes.map { ["system": system, "code": $0] }
        }
        func links(_ concepts: [ConceptView]) -> [[String: String]] {
            concepts.map { ["label": $0.label, "url": url(scheme: detail.scheme, iri: $0.concept)] }
        }
        return [
            "concept": detail.concept, "label": detail.label, "scheme": detail.scheme.rawValue,
            "schemeLabel": messages.has("facets.\(detail.scheme.rawValue)") ? messages.text("facets.\(detail.scheme.rawValue)") : detail.scheme.rawValue,
            "labels": labels, "codes": codes, "hasCodes": !codes.isEmpty,
            "broader": links(detail.broader), "hasBroader": !detail.broader.isEmpty,
            "narrower": links(detail.narrower), "hasNarrower": !detail.narrower.isEmpty,
            "broaderText": detail.broader.map(\.concept).joined(separator: " "),
            "datasets": detail.datasets.map { messages.count("curate.datasets", $0) } ?? "",
            "deprecated": detail.deprecated, "csrf": csrf,
            "kinds": ["pref", "alt", "hidden"].map { ["value": $0, "label": messages.text("editor.kind.\($0)")] },
        ]
    }

    /// The edit a form asks for, by its `op`, with the concept named by IRI.
    static func edit(op: String, concept: String, form: SessionForm, resolve: (String) throws -> String) throws -> VocabularyEdit {
        switch op {
        case "add-label", "remove-label":
            let language = try LanguageTagField.read(form.required("language"))
            let label = LangString(try form.required("value"), language: language)
            if op == "remove-label" { return .removeLabel(concept: concept, label: label) }
            guard let kind = VocabularyEdit.LabelKind(rawValue: try form.required("kind")) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the label's kind must be pref, alt or hidden")
            }
            return .addLabel(concept: concept, label: label, kind: kind)
        case "add-code", "remove-code":
            let system = CodeSystem(rawValue: try form.required("system")), code = try form.required("code")
            return op == "add-code" ? .addCode(concept: concept, system: system, code: code) : .removeCode(concept: concept, system: system, code: code)
        case "set-broader":
            let references = (form.body["broader"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
            return .setBroader(concept: concept, broader: try references.map(resolve))
        default:
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "unknown edit '\(QueryParameters.shown(op))'")
        }
    }
}

/// A label's language as a form gives it: a BCP 47 tag, checked by the vocabulary's own rules
/// when the edit is applied (a malformed tag is refused there, with the reason).
enum LanguageTagField {
    static func read(_ text: String) throws -> String {
        let tag = text.trimmingCharacters(in: .whitespaces)
        guard (1...35).contains(tag.count) else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "a language is a tag such as en, de or pt-BR")
        }
        return tag
    }
}
