/// Splits search text into lower-cased words and quoted phrases.
///
/// A word is a run of letters, digits, combining marks and connector punctuation (`_`) that holds
/// at least one letter or digit (a mark after a separator is dropped); every other character
/// separates words. Within a word the
/// characters Xapian's term generator also keeps inside an indexed word stay, so that a word of
/// the text is a word of the index: `.` and `,` between digits (`C50.9`, `1,000`), an apostrophe
/// or `&` between word characters (`don't`, `AT&T`). Zero-width spaces and joiners are dropped, as
/// the term generator drops them. Double quotes — straight or typographic — open and close a
/// phrase; an unclosed phrase runs to the end of the text.
struct SearchTextScanner {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The parts (words lower-cased) and the loose words as written.
    func scan() -> (parts: [SearchText.Part], wordsAsWritten: [String]) {
        var parts: [SearchText.Part] = []
        var wordsAsWritten: [String] = []
        var phrase: [String]?
        var word = String.UnicodeScalarView()
        var wordHasLetterOrDigit = false

        func endWord() {
            if wordHasLetterOrDigit {
                let written = String(word)
                if phrase != nil {
                    phrase?.append(written.lowercased())
                } else {
                    parts.append(.word(written.lowercased()))
                    wordsAsWritten.append(written)
                }
            }
            word = String.UnicodeScalarView()
            wordHasLetterOrDigit = false
        }

        for index in scalars.indices {
            let scalar = scalars[index]
            if Self.isIgnored(scalar) { continue }
            if Self.isWordCharacter(scalar) {
                // A mark belongs to the character before it: after a separator it is dropped.
                if word.isEmpty && Self.isMark(scalar) { continue }
                word.append(scalar)
                if Self.isLetterOrDigit(scalar) { wordHasLetterOrDigit = true }
                continue
            }
            if let kept = infix(scalar, after: word.last, before: index + 1 < scalars.count ? scalars[index + 1] : nil) {
                word.append(kept)
                continue
            }
            endWord()
            guard Self.isQuote(scalar) else { continue }
            if let words = phrase {
                if !words.isEmpty { parts.append(.phrase(words)) }
                phrase = nil
            } else {
                phrase = []
            }
        }
        endWord()
        if let words = phrase, !words.isEmpty { parts.append(.phrase(words)) }
        return (parts, wordsAsWritten)
    }

    /// The character to keep inside a word for `scalar` between `previous` and `next`, if any.
    private func infix(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Unicode.Scalar? {
        guard let previous, let next else { return nil }
        switch scalar {
        case ".", ",":
            return Self.isDecimalDigit(previous) && Self.isDecimalDigit(next) ? scalar : nil
        case "'", "\u{2019}", "\u{201B}":
            return Self.isWordCharacter(previous) && Self.isWordCharacter(next) ? "'" : nil
        case "&", "\u{00B7}", "\u{05F4}", "\u{2027}":
            return Self.isWordCharacter(previous) && Self.isWordCharacter(next) ? scalar : nil
        default:
            return nil
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            true
        default:
            false
        }
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
    }

    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// Zero-width space, non-joiner, joiner, word joiner and byte-order mark.
    static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"].contains(scalar)
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{FF02}"].contains(scalar)
    }
}
