/// Search text in its one grammar (docs/cli.md, `catalogue search`): words, all of which must
/// match, and "quoted phrases". Nothing else is syntax — `AND`/`OR`/`NOT`/`NEAR` are words, and
/// `+`, `-`, `*`, `field:`, brackets and every other character that is not part of a word
/// separate words — so what reaches the index's query parser is only ever `canonical`.
///
/// Pure and total: any string either parses or is refused with a `SearchTextError`, so a fuzzer
/// can call it without a catalogue.
public struct SearchText: Hashable, Sendable {
    public enum Part: Hashable, Sendable {
        case word(String)
        /// Its words; the index keeps no positions, so they match in any order, unstemmed.
        case phrase([String])
    }

    /// Longer text is refused (counted in Unicode scalars, what the parser walks).
    public static let maximumLength = 1_000
    /// More words, loose and quoted together, are refused.
    public static let maximumWords = 64

    /// Lower-cased words and phrases in the order written; never an empty phrase.
    public let parts: [Part]
    /// The words outside quotes in their own case (`words` lower-cases them), for showing a
    /// person which of their words were read as a concept.
    public let wordsAsWritten: [String]

    /// Parts already canonical (lower-cased words of word characters), as `parse` makes them.
    init(canonicalParts parts: [Part], wordsAsWritten: [String]) {
        self.parts = parts
        self.wordsAsWritten = wordsAsWritten
    }

    /// The words outside quotes.
    public var words: [String] {
        parts.compactMap { if case .word(let word) = $0 { word } else { nil } }
    }

    public var phrases: [[String]] {
        parts.compactMap { if case .phrase(let words) = $0 { words } else { nil } }
    }

    public var wordCount: Int {
        parts.reduce(0) { count, part in
            if case .phrase(let words) = part { count + words.count } else { count + 1 }
        }
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// Words separated by one space, phrases in straight double quotes: `lung "small cell"`. Only
    /// lower-case word characters, the in-word marks the index also keeps (`c50.9`, `don't`),
    /// spaces and balanced quotes; so no operator word or character of query syntax.
    public var canonical: String {
        parts.map { part in
            switch part {
            case .word(let word): word
            case .phrase(let words): "\"" + words.joined(separator: " ") + "\""
            }
        }.joined(separator: " ")
    }

    /// The same phrases with only `words` as the loose words (the words a concept did not
    /// claim); those that are not words of this text are left out, so the result stays canonical.
    public func keepingWords(_ words: [String]) -> SearchText {
        let own = Set(self.words)
        let kept = words.filter(own.contains)
        return SearchText(canonicalParts: kept.map(Part.word) + phrases.map(Part.phrase), wordsAsWritten: kept)
    }

    /// Parses text as a person typed it; blank text is the empty search (every dataset).
    public static func parse(_ text: String) throws(SearchTextError) -> SearchText {
        let length = text.unicodeScalars.count
        guard length <= maximumLength else { throw .tooLong(characters: length, limit: maximumLength) }
        let scanned = SearchTextScanner(text).scan()
        let result = SearchText(canonicalParts: scanned.parts, wordsAsWritten: scanned.wordsAsWritten)
        guard result.wordCount <= maximumWords else { throw .tooManyWords(words: result.wordCount, limit: maximumWords) }
        if result.isEmpty, text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { throw .noWords }
        return result
    }
}

/// Why search text was refused; the text itself is never repeated (it may hold control characters).
public enum SearchTextError: Error, Hashable, Sendable, CustomStringConvertible {
    case tooLong(characters: Int, limit: Int)
    case tooManyWords(words: Int, limit: Int)
    /// Not blank, but without a letter or digit: only punctuation, symbols or control characters.
    case noWords

    public var description: String {
        switch self {
        case .tooLong(let characters, let limit):
            "the text is \(characters) characters long; the limit is \(limit)"
        case .tooManyWords(let words, let limit):
            "the text has \(words) words; the limit is \(limit)"
        case .noWords:
            "the text has no words (letters or digits); operators and punctuation are not search syntax"
        }
    }
}
