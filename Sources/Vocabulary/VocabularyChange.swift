import CatalogueModel

/// The result of applying an edit: the new vocabulary, the concepts it touched as they were and
/// are, and the lookup keys whose answers changed (what finds the affected datasets).
public struct VocabularyChange: Sendable {
    public var vocabulary: Vocabulary
    /// Touched concepts before the edit (absent when the edit created them).
    public var before: [Concept]
    /// Touched concepts after the edit.
    public var after: [Concept]
    /// Probe keys (see `ProbeKey`) of every dataset whose normalisation the edit can change.
    public var changedKeys: Set<String>
    /// Warnings the edit introduced; errors refuse the edit instead.
    public var newWarnings: [QualityFinding]
}

extension Vocabulary {
    /// Applies one curator edit, or refuses it when it is meaningless, breaks the vocabulary
    /// (cycle, dangling link) or introduces a quality-check error.
    public func applying(_ edit: VocabularyEdit) throws -> VocabularyChange {
        var applier = EditApplier(allConcepts)
        let touched = try applier.apply(edit)
        return try replacing(with: applier.concepts, touched: touched)
    }

    /// The vocabulary with `concepts` instead: for undo and import, which replace concepts whole.
    public func replacing(with concepts: [Concept], touched: Set<String>? = nil) throws -> VocabularyChange {
        let next: Vocabulary
        do {
            next = try Vocabulary(concepts: concepts)
        } catch let error as VocabularyError {
            throw VocabularyEditError.breaksVocabulary(error.description)
        }
        let touchedIRIs = touched ?? Self.differing(allConcepts, concepts)
        let oldFindings = Set(QualityCheck.run(self))
        let introduced = QualityCheck.run(next).filter { !oldFindings.contains($0) }
        let errors = introduced.filter { $0.severity == .error }
        guard errors.isEmpty else { throw VocabularyEditError.failsChecks(errors.map(\.message)) }
        let before = touchedIRIs.sorted().compactMap { concept(iri: $0) }
        let after = touchedIRIs.sorted().compactMap { next.concept(iri: $0) }
        return VocabularyChange(
            vocabulary: next, before: before, after: after,
            changedKeys: changedKeys(before: before, after: after, next: next),
            newWarnings: introduced.filter { $0.severity == .warning })
    }

    static func differing(_ old: [Concept], _ new: [Concept]) -> Set<String> {
        let oldByIRI = Dictionary(old.map { ($0.iri, $0) }, uniquingKeysWith: { first, _ in first })
        let newByIRI = Dictionary(new.map { ($0.iri, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(oldByIRI.keys).union(newByIRI.keys).filter { oldByIRI[$0] != newByIRI[$0] }
    }

    private func changedKeys(before: [Concept], after: [Concept], next: Vocabulary) -> Set<String> {
        var keys = Set<String>()
        let beforeByIRI = Dictionary(before.map { ($0.iri, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByIRI = Dictionary(after.map { ($0.iri, $0) }, uniquingKeysWith: { first, _ in first })
        for iri in Set(beforeByIRI.keys).union(afterByIRI.keys) {
            let old = beforeByIRI[iri], new = afterByIRI[iri]
            let oldKeys = old.map(ProbeKey.keys) ?? []
            let newKeys = new.map(ProbeKey.keys) ?? []
            keys.formUnion(oldKeys.symmetricDifference(newKeys))
            if old?.broader != new?.broader || old?.deprecated != new?.deprecated || old?.replacedBy != new?.replacedBy
                || old?.notations != new?.notations || old?.scheme != new?.scheme {
                keys.insert(ProbeKey.concept(iri))
                // Morphology resolution reads codes of concepts, not lookups: reach the datasets
                // that looked up a morphology this concept or one below it carries.
                for member in [iri] + next.descendants(of: iri) + descendants(of: iri) {
                    for concept in [concept(iri: member), next.concept(iri: member)].compactMap({ $0 }) {
                        for notation in concept.notations where notation.type == .icdo3Morphology {
                            keys.insert(ProbeKey.code(CodeSystem.icdo3.canonical(notation.code)))
                        }
                    }
                }
            }
        }
        return keys
    }
}
