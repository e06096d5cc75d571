import CatalogueModel
import Foundation

extension EditApplier {
    static func addLabel(_ label: LangString, _ kind: VocabularyEdit.LabelKind, to concept: inout Concept) throws {
        let value = label.value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw VocabularyEditError.emptyLabel }
        let language = label.language ?? "en"
        let clean = LangString(value, language: language)
        if concept.allLabels.contains(where: { $0.language == language && $0.value == value }) {
            throw VocabularyEditError.labelExists(concept: concept.iri, label: clean)
        }
        switch kind {
        case .pref:
            // The old prefLabel stays findable as an altLabel (SKOS: one prefLabel per language).
            if let old = concept.prefLabels[language] { concept.altLabels.append(LangString(old, language: language)) }
            concept.prefLabels[language] = value
        case .alt: concept.altLabels.append(clean)
        case .hidden: concept.hiddenLabels.append(clean)
        }
    }

    static func removeLabel(_ label: LangString, from concept: inout Concept) throws {
        let language = label.language ?? "en"
        if concept.prefLabels[language] == label.value {
            throw VocabularyEditError.cannotRemovePrefLabel(concept: concept.iri, label: LangString(label.value, language: language))
        }
        let before = concept.altLabels.count + concept.hiddenLabels.count
        concept.altLabels.removeAll { $0.value == label.value && $0.language == language }
        concept.hiddenLabels.removeAll { $0.value == label.value && $0.language == language }
        guard concept.altLabels.count + concept.hiddenLabels.count < before else {
            throw VocabularyEditError.labelNotFound(concept: concept.iri, label: LangString(label.value, language: language))
        }
    }

    static func addCode(_ system: CodeSystem, _ code: String, to concept: inout Concept) throws {
        let canonical = system.canonical(code)
        guard !canonical.isEmpty, !canonical.contains(where: \.isWhitespace) else { throw VocabularyEditError.invalidCode(system: system, code: code) }
        guard concept.codes[system]?.contains(where: { system.canonical($0) == canonical }) != true else {
            throw VocabularyEditError.codeExists(concept: concept.iri, system: system, code: canonical)
        }
        if let type = NotationType.forCode(canonical, system: system, scheme: concept.scheme) {
            concept.notations.append(Notation(type: type, code: canonical))
        } else if let link = MatchLink.forCode(canonical, system: system) {
            concept.matchLinks.append(link)
        } else {
            throw VocabularyEditError.unknownCodeSystem(system.rawValue)
        }
    }

    static func removeCode(_ system: CodeSystem, _ code: String, from concept: inout Concept) throws {
        let canonical = system.canonical(code)
        let before = concept.notations.count + concept.matchLinks.count
        concept.notations.removeAll { $0.type.system == system && system.canonical($0.code) == canonical }
        concept.matchLinks.removeAll { link in
            guard let (linkSystem, linkCode) = CodeSystem.code(fromIRI: link.iri) else { return false }
            return linkSystem == system && linkCode == canonical
        }
        guard concept.notations.count + concept.matchLinks.count < before else {
            throw VocabularyEditError.codeNotFound(concept: concept.iri, system: system, code: canonical)
        }
    }

    /// A queue value becomes what it is: an IRI a close match, `SYSTEM:CODE` a code, text a hidden label.
    static func map(_ value: String, to concept: inout Concept) throws {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw VocabularyEditError.emptyLabel }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
            guard !concept.matchLinks.contains(where: { $0.iri == trimmed }) else {
                throw VocabularyEditError.labelExists(concept: concept.iri, label: LangString(trimmed))
            }
            concept.matchLinks.append(MatchLink(relation: .close, iri: trimmed))
            return
        }
        if let colon = trimmed.firstIndex(of: ":"), let system = CodeSystem(named: String(trimmed[..<colon])) {
            try addCode(system, String(trimmed[trimmed.index(after: colon)...]), to: &concept)
            return
        }
        try addLabel(LangString(trimmed, language: "en"), .hidden, to: &concept)
    }
}
