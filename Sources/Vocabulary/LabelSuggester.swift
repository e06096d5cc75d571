import CatalogueModel

/// Suggests facet concepts' labels for a prefix, folded as the normaliser folds (case,
/// diacritics, punctuation), in every language: "lun" finds "Lung cancer", "lungenk" finds
/// "Lungenkrebs", "pros" finds "Próstata". A word inside a label counts too ("carcinoma of"),
/// and so do the concepts' codes: "C34" and "icd10:c34" find `icd10:C34` (Lung cancer).
public struct LabelSuggester: Sendable {
    private struct Entry: Sendable {
        var folded: String
        var suggestion: LabelSuggestion
        /// 0 the preferred label in English, 1 another preferred label, 2 an alternative label, 3 a code.
        var rank: Int
    }

    private let entries: [Entry]

    public init(_ vocabulary: Vocabulary) {
        var entries: [Entry] = []
        for scheme in ConceptScheme.facets {
            for concept in vocabulary.concepts(in: scheme) where !concept.deprecated {
                let preferred = concept.prefLabels.map { (LangString($0.value, language: $0.key), $0.key == "en" ? 0 : 1) }
                for (label, rank) in preferred + concept.altLabels.map({ ($0, 2) }) {
                    let suggestion = LabelSuggestion(
                        label: label.value, language: label.language, field: scheme.rawValue, concept: concept.iri,
                        conceptLabel: concept.label)
                    entries.append(Entry(folded: LabelFolding.fold(label.value), suggestion: suggestion, rank: rank))
                }
                // Codes too, written as filters take them (`icd10:C34`), matched from the code on.
                for (system, codes) in concept.codes {
                    for code in codes {
                        let suggestion = LabelSuggestion(
                            label: "\(system.rawValue):\(code)", kind: .code, language: nil, field: scheme.rawValue, concept: concept.iri,
                            conceptLabel: concept.label)
                        entries.append(Entry(folded: LabelFolding.fold(code), suggestion: suggestion, rank: 3))
                        entries.append(Entry(folded: LabelFolding.fold(suggestion.label), suggestion: suggestion, rank: 3))
                    }
                }
            }
        }
        self.entries = entries
    }

    /// At most `limit` labels, those starting with the prefix before those with a word starting
    /// with it, then preferred before alternative labels, shorter first; one label per concept.
    public func suggestions(for prefix: String, limit: Int) -> [LabelSuggestion] {
        let folded = LabelFolding.fold(prefix)
        guard !folded.isEmpty, limit > 0 else { return [] }
        let matches = entries.compactMap { entry -> (Int, Entry)? in
            if entry.folded.hasPrefix(folded) { return (0, entry) }
            if entry.folded.contains(" " + folded) { return (1, entry) }
            return nil
        }
        let ordered = matches.sorted { left, right in
            (left.0, left.1.rank, left.1.folded.count, left.1.folded) < (right.0, right.1.rank, right.1.folded.count, right.1.folded)
        }
        var seen = Set<String>()
        var suggestions: [LabelSuggestion] = []
        for (_, entry) in ordered where suggestions.count < limit && seen.insert(entry.suggestion.concept).inserted {
            suggestions.append(entry.suggestion)
        }
        return suggestions
    }
}
