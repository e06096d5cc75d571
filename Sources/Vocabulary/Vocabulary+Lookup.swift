import CatalogueModel
import Foundation

extension Vocabulary {
    /// Concepts of `scheme` named by an IRI (the concept's own or a match IRI).
    public func concepts(matchingIRI iri: String, in scheme: ConceptScheme) -> [Concept] {
        index.concepts(iri: iri, in: scheme).compactMap { concepts[$0] }
    }

    /// Concepts of `scheme` carrying a code (`system` as named in the JSON contract or a common alias).
    public func concepts(withCode code: String, system: String, in scheme: ConceptScheme) throws -> [Concept] {
        guard let codeSystem = CodeSystem(named: system) else { throw VocabularyError.unknownCodeSystem(system) }
        return index.concepts(code: code, system: codeSystem, in: scheme).compactMap { concepts[$0] }
    }

    /// Resolves a filter value: a concept IRI (own or match) or `SYSTEM:CODE`; throws when it names nothing.
    public func resolveFilterValue(_ value: String, in scheme: ConceptScheme) throws -> [Concept] {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
            let found = concepts(matchingIRI: trimmed, in: scheme)
            guard !found.isEmpty else { throw VocabularyError.unknownIRI(iri: trimmed, scheme: scheme.rawValue) }
            return found
        }
        guard let colon = trimmed.firstIndex(of: ":") else { throw VocabularyError.notAConceptReference(trimmed) }
        let system = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
        let code = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !system.isEmpty, !code.isEmpty else { throw VocabularyError.notAConceptReference(trimmed) }
        let found = try concepts(withCode: code, system: system, in: scheme)
        guard !found.isEmpty else { throw VocabularyError.unknownCode(system: system, code: code, scheme: scheme.rawValue) }
        return found
    }
}
