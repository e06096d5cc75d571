import Foundation

/// Folds labels so that spelling variants meet: case, diacritics, punctuation and spacing.
/// "Próstata" → "prostata", "PET/CT" → "pet ct", "Head & Neck" → "head and neck".
enum LabelFolding {
    static func fold(_ label: String) -> String {
        if let ascii = foldASCII(label) { return ascii }
        let folded = label
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "ß", with: "ss")
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The same folding for pure-ASCII text without Foundation's locale-aware folding, which
    /// dominates the normaliser's time otherwise; nil when the text is not ASCII.
    private static func foldASCII(_ label: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(label.utf8.count)
        var pendingSpace = false
        for byte in label.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            let isWordByte = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
            if byte == UInt8(ascii: "&") {
                if !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: Array("and".utf8))
                pendingSpace = true
            } else if isWordByte {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(lower)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text without leading and trailing white space; the common case (none) costs a byte check.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        let space = CharacterSet.whitespacesAndNewlines
        guard space.contains(first) || space.contains(last) else { return text }
        return text.trimmingCharacters(in: space)
    }

    /// Laterality words that qualify a body part but do not change it ("left breast").
    static let lateralityWords: Set<String> = ["left", "right", "bilateral", "both", "l", "r", "lt", "rt"]

    /// The folded label without leading or trailing laterality words, when there were any.
    static func withoutLaterality(_ folded: String) -> String? {
        var words = folded.split(separator: " ").map(String.init)
        let count = words.count
        while let first = words.first, lateralityWords.contains(first), words.count > 1 { words.removeFirst() }
        while let last = words.last, lateralityWords.contains(last), words.count > 1 { words.removeLast() }
        return words.count == count ? nil : words.joined(separator: " ")
    }
}
