import Foundation

/// Folds labels so that spelling variants meet: case, diacritics, punctuation and spacing.
/// "Próstata" → "prostata", "PET/CT" → "pet ct", "Head & Neck" → "head and neck".
enum LabelFolding {
    static func fold(_ label: String) -> String {
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
