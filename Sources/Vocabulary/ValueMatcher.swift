import CatalogueModel
import Foundation

/// Matches one raw value against one scheme: IRI, code, folded label, then list items.
struct ValueMatcher {
    let vocabulary: Vocabulary

    struct Outcome {
        var mappings: [ConceptMapping] = []
        var unmatched: [String] = []
    }

    /// Separators of lists written in one literal; "/" only splits after the whole value failed,
    /// so "PET/CT" matches as itself first.
    static let listSeparators: [String] = [",", ";", "|", "/", "+", "^", " and ", " & ", "\n"]

    func match(_ value: RawValue, in scheme: ConceptScheme) -> Outcome {
        switch value {
        case .iri(let iri):
            let found = vocabulary.index.concepts(iri: iri, in: scheme)
            return found.isEmpty
                ? Outcome(unmatched: [iri])
                : Outcome(mappings: found.map { ConceptMapping(concept: $0, value: iri, method: .iri) })
        case .literal(let text, _, _):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return Outcome() }
            if let whole = matchSingle(trimmed, in: scheme, fromList: false) { return Outcome(mappings: whole) }
            let items = Self.split(trimmed)
            guard items.count > 1 else { return Outcome(unmatched: [trimmed]) }
            var outcome = Outcome()
            for item in items {
                if let mapped = matchSingle(item, in: scheme, fromList: true) {
                    outcome.mappings += mapped
                } else {
                    outcome.unmatched.append(item)
                }
            }
            return outcome
        }
    }

    /// One value without list splitting: an IRI written as a literal, a code, or a label.
    private func matchSingle(_ text: String, in scheme: ConceptScheme, fromList: Bool) -> [ConceptMapping]? {
        func mappings(_ iris: [String], _ method: ConceptMapping.Method) -> [ConceptMapping]? {
            iris.isEmpty ? nil : iris.map { ConceptMapping(concept: $0, value: text, method: method, fromList: fromList) }
        }
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            return mappings(vocabulary.index.concepts(iri: text, in: scheme), .iri)
        }
        if let coded = mappings(codeMatches(text, in: scheme), .code) { return coded }
        let folded = LabelFolding.fold(text)
        if let labelled = mappings(vocabulary.index.concepts(foldedLabel: folded, in: scheme), .label) { return labelled }
        if scheme == .bodySite, let bare = LabelFolding.withoutLaterality(folded) {
            return mappings(vocabulary.index.concepts(foldedLabel: bare, in: scheme), .label)
        }
        if scheme == .cancerType {
            // Nodes often name the condition by its organ ("Prostate", "head & neck"), as EUCAIM's own search does.
            for suffix in [" cancer", " carcinoma"] {
                if let organ = mappings(vocabulary.index.concepts(foldedLabel: folded + suffix, in: scheme), .label) { return organ }
            }
        }
        return nil
    }

    /// A code with an explicit system ("ICD-10: C61", "ncit:C4878"), else a bare code tried in every system.
    private func codeMatches(_ text: String, in scheme: ConceptScheme) -> [String] {
        if let colon = text.firstIndex(of: ":"), let system = CodeSystems.system(named: String(text[..<colon])) {
            let code = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return vocabulary.index.concepts(code: code, system: system, in: scheme)
        }
        guard !text.contains(" ") || text.count <= 12 else { return [] }
        let code = text.replacingOccurrences(of: " ", with: "")
        for system in CodeSystems.known {
            let found = vocabulary.index.concepts(code: code, system: system, in: scheme)
            if !found.isEmpty { return found }
        }
        return []
    }

    static func split(_ text: String) -> [String] {
        var items = [text]
        for separator in listSeparators {
            items = items.flatMap { $0.components(separatedBy: separator) }
        }
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
