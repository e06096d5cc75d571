import Foundation

/// Spelling variants of a folded label that real catalogues write for the same thing: plurals
/// ("Sarcomas"), inverted word order ("Carcinoma, Hepatocellular"), filler words ("carcinoma of
/// the lung", "Adenocarcinoma, NOS") and tracer names before a modality ("FDG-PET/CT").
enum LabelVariants {
    /// Words that do not change what a label names.
    static let fillerWords: Set<String> = ["of", "the", "nos", "unspecified", "primary", "type", "in", "with", "disease"]

    /// Radiotracers and contrast words written in front of a modality.
    static let tracerWords: Set<String> = [
        "fdg", "18f", "f18", "18ffdg", "psma", "68ga", "ga68", "choline", "fluciclovine", "dotatate", "fet", "fluoride",
        "naf", "flt", "fmiso", "petct", "contrast", "enhanced", "ce", "3d", "2d",
    ]

    /// The words of `folded` without filler words, each singular, sorted: the key of the
    /// word-set index ("cancer lung" and "lung cancers" give the same key as "lung cancer").
    static func wordSetKey(_ folded: String) -> String {
        let words = folded.split(separator: " ").map(String.init).filter { !fillerWords.contains($0) }.map(singular)
        return words.sorted().joined(separator: " ")
    }

    /// The label with its last word singular ("sarcomas" → "sarcoma", "metastases" → "metastasis").
    static func singularLast(_ folded: String) -> String? {
        var words = folded.split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        let singularWord = singular(last)
        guard singularWord != last else { return nil }
        words[words.count - 1] = singularWord
        return words.joined(separator: " ")
    }

    static func singular(_ word: String) -> String {
        guard word.count > 4, word.allSatisfy(\.isLetter) else { return word }
        if word.hasSuffix("ases") { return String(word.dropLast(2)) + "is" }       // metastases → metastasis
        if word.hasSuffix("omata") { return String(word.dropLast(2)) }             // carcinomata → carcinoma
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") { return String(word.dropLast()) }
        return word
    }

    /// The label without tracer and contrast words, when it had some and something is left.
    static func withoutTracers(_ folded: String) -> String? {
        let words = folded.split(separator: " ").map(String.init)
        let kept = words.filter { !tracerWords.contains($0) }
        guard kept.count < words.count, !kept.isEmpty else { return nil }
        return kept.joined(separator: " ")
    }

    /// "Lung Cancer (NSCLC)" → "Lung Cancer"; nil when there is no parenthesis.
    static func withoutParentheses(_ text: String) -> String? {
        guard text.contains("(") else { return nil }
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { result.append(character) }
        }
        let trimmed = result.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == text ? nil : trimmed
    }

    /// The text inside the first parenthesis: often the abbreviation ("(NSCLC)") or a qualifier.
    static func parenthesised(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return inner.isEmpty ? nil : inner
    }
}
