import CatalogueModel

/// The concept index as one normalisation sees it: every lookup is recorded as a `ProbeKey`, so
/// the catalogue can later tell which datasets an edit may affect.
struct Lookup {
    let index: ConceptIndex
    private(set) var probes: Set<String> = []

    init(index: ConceptIndex) { self.index = index }

    mutating func label(_ folded: String, _ scheme: ConceptScheme) -> [String] {
        guard !folded.isEmpty else { return [] }
        probes.insert(ProbeKey.label(folded))
        return index.concepts(foldedLabel: folded, in: scheme)
    }

    mutating func wordSet(_ folded: String, _ scheme: ConceptScheme) -> [String] {
        let key = LabelVariants.wordSetKey(folded)
        guard !key.isEmpty else { return [] }
        probes.insert(ProbeKey.wordSet(key))
        return index.concepts(wordSet: key, in: scheme)
    }

    mutating func code(_ code: String, _ system: CodeSystem, _ scheme: ConceptScheme) -> [String] {
        let canonical = system.canonical(code)
        probes.insert(ProbeKey.code(canonical))
        if system == .icd10 || system == .icdo3, let dot = canonical.firstIndex(of: ".") {
            probes.insert(ProbeKey.code(String(canonical[..<dot])))
        }
        if index.usesRanges(canonicalCode: canonical, system: system, in: scheme) { probes.insert(ProbeKey.icdRanges) }
        return index.concepts(canonicalCode: canonical, system: system, in: scheme)
    }

    mutating func iri(_ iri: String, _ scheme: ConceptScheme) -> [String] {
        probes.insert(ProbeKey.iri(iri))
        return index.concepts(iri: iri, in: scheme)
    }

    mutating func word(_ word: String) { probes.insert(ProbeKey.word(word)) }
}
