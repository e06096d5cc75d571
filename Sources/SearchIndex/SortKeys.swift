import Foundation

/// Value-slot encodings that sort bytewise in the intended order.
enum SortKeys {
    /// Non-negative integers as 12-digit zero-padded decimals (Xapian compares slots as bytes).
    static func number(_ value: Int) -> String {
        let clamped = max(0, min(value, 999_999_999_999))
        let digits = String(clamped)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// Titles compared without case or diacritics.
    static func title(_ title: String) -> String {
        title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
    }

    static let keySeparator = "\u{1F}"

    static func joinedKey(node: String, id: String) -> String { node + keySeparator + id }
}
