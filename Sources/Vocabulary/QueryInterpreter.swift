import CatalogueModel
import Foundation

/// Finds the phrases of a search text that name concepts ("NSCLC", "Lungenkrebs", "carcinome
/// pulmonaire", "PET/CT"), so search can match them as the concepts — and, through the ancestor
/// terms every document carries, as everything below them — as well as their own words.
///
/// Labels are read from the vocabulary at query time, so a curator's new label or synonym works
/// in search at once, without reindexing. Texts using query syntax (quotes, brackets, field:,
/// +/-, wildcards, AND/OR/NOT) are left as they are.
public struct QueryInterpreter: Sendable {
    public let vocabulary: Vocabulary
    static let longestPhrase = 6

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    public struct Interpretation: Sendable, Equatable {
        /// The words that named no concept, in order.
        public var rest: String
        public var clauses: [SearchRequest.SynonymClause]
    }

    public func interpret(_ text: String) -> Interpretation {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, !Self.usesQuerySyntax(words) else { return Interpretation(rest: text, clauses: []) }
        let folded = words.map(LabelFolding.fold)
        var rest: [String] = []
        var clauses: [SearchRequest.SynonymClause] = []
        var start = 0
        while start < words.count {
            var matched = false
            for length in stride(from: min(Self.longestPhrase, words.count - start), through: 1, by: -1) {
                let phrase = folded[start..<start + length].filter { !$0.isEmpty }.joined(separator: " ")
                let concepts = self.concepts(named: phrase)
                guard !concepts.isEmpty else { continue }
                clauses.append(.init(text: words[start..<start + length].joined(separator: " "), concepts: concepts))
                start += length
                matched = true
                break
            }
            if !matched {
                rest.append(words[start])
                start += 1
            }
        }
        return Interpretation(rest: rest.joined(separator: " "), clauses: clauses)
    }

    private func concepts(named phrase: String) -> [FacetField: [String]] {
        guard !phrase.isEmpty else { return [:] }
        var result: [FacetField: [String]] = [:]
        for scheme in ConceptScheme.facets {
            guard let field = FacetField.allCases.first(where: { $0.scheme == scheme }) else { continue }
            var found = vocabulary.index.concepts(foldedLabel: phrase, in: scheme)
            if found.isEmpty, let singular = LabelVariants.singularLast(phrase) {
                found = vocabulary.index.concepts(foldedLabel: singular, in: scheme)
            }
            if found.isEmpty, phrase.contains(" ") { found = vocabulary.index.concepts(wordSet: LabelVariants.wordSetKey(phrase), in: scheme) }
            let current = EditApplier.uniqued(found.map(vocabulary.current))
            if !current.isEmpty { result[field] = current }
        }
        return result
    }

    static func usesQuerySyntax(_ words: [String]) -> Bool {
        words.contains { word in
            ["AND", "OR", "NOT", "XOR", "NEAR"].contains(word)
                || word.hasPrefix("+") || word.hasPrefix("-")
                || word.contains { "\"():*".contains($0) }
        }
    }
}
