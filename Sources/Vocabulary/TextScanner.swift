import CatalogueModel
import Foundation

/// Finds concept labels inside running text (a title): the longest label starting at each word,
/// left to right. Used only when a dataset's structured properties and keywords gave nothing.
///
/// Labels shorter than four letters count only when the text writes them in capitals ("CT",
/// "HCC"), so that "ct" inside a word-split name or "ca" in prose do not match.
struct TextScanner {
    static let longestLabelWords = 6

    static func scan(_ text: String, in scheme: ConceptScheme, lookup: inout Lookup) -> [(concept: String, phrase: String)] {
        let originalWords = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let words = originalWords.map { LabelFolding.fold($0) }
        guard words.count == originalWords.count else { return [] }
        for word in Set(words) where !word.isEmpty {
            lookup.word(word)
            lookup.word(LabelVariants.singular(word))
        }
        var found: [(String, String)] = []
        var start = 0
        while start < words.count {
            var matched = false
            for length in stride(from: min(longestLabelWords, words.count - start), through: 1, by: -1) {
                let phraseWords = Array(words[start..<start + length])
                let phrase = phraseWords.joined(separator: " ")
                guard phrase.count >= 4 || originalWords[start..<start + length].allSatisfy({ $0 == $0.uppercased() }) else { continue }
                var concepts = lookup.index.concepts(foldedLabel: phrase, in: scheme)
                if concepts.isEmpty, let singular = LabelVariants.singularLast(phrase) {
                    concepts = lookup.index.concepts(foldedLabel: singular, in: scheme)
                }
                if !concepts.isEmpty {
                    let shown = originalWords[start..<start + length].joined(separator: " ")
                    found += concepts.map { ($0, shown) }
                    start += length
                    matched = true
                    break
                }
            }
            if !matched { start += 1 }
        }
        return found
    }
}
