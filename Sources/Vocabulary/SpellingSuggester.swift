import CatalogueModel
import Foundation

/// Suggests a corrected search text from the words of every label in every language: the
/// spelling dictionary learns the vocabularies, and what curators add to them.
///
/// A word is corrected only when neither the vocabularies nor the index know it (`isKnown`), and
/// only to a label word at most one edit away (two for words of eight letters or more), so that
/// rare but correct words are left alone.
public struct SpellingSuggester: Sendable {
    private let words: Set<String>
    private let byLength: [Int: [String]]

    public init(vocabulary: Vocabulary) {
        var words = Set<String>()
        for concept in vocabulary.allConcepts where !concept.deprecated && ConceptScheme.facets.contains(concept.scheme) {
            for label in concept.allLabels {
                for word in LabelFolding.fold(label.value).split(separator: " ") where word.count >= 4 && word.allSatisfy(\.isLetter) {
                    words.insert(String(word))
                }
            }
        }
        self.words = words
        byLength = Dictionary(grouping: words.sorted(), by: \.count)
    }

    /// The text with its misspelt words corrected, or nil when nothing needed correcting.
    public func suggestion(for text: String, isKnown: (String) -> Bool) -> String? {
        let original = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !QueryInterpreter.usesQuerySyntax(original) else { return nil }
        var changed = false
        let corrected = original.map { word -> String in
            let folded = LabelFolding.fold(word)
            guard folded.count >= 4, folded.allSatisfy(\.isLetter), !words.contains(folded), !isKnown(folded),
                  let best = closest(to: folded) else { return word }
            changed = true
            return best
        }
        return changed ? corrected.joined(separator: " ") : nil
    }

    func closest(to word: String) -> String? {
        let limit = word.count >= 8 ? 2 : 1
        var best: (distance: Int, word: String)?
        for length in (word.count - limit)...(word.count + limit) {
            for candidate in byLength[length] ?? [] {
                let distance = Self.editDistance(word, candidate, limit: limit)
                if distance <= limit, best == nil || distance < best!.distance { best = (distance, candidate) }
            }
        }
        return best?.word
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, stopping early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + [Int](repeating: 0, count: y.count)
            var rowMinimum = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous2 = previous
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
