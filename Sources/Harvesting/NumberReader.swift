import Foundation

/// Reads counts and ages as nodes write them: typed or plain, with thousands separators
/// ("1,200", "1 200", "1.200" is not taken as a thousand: it is ambiguous and reported).
enum NumberReader {
    static func count(_ text: String) -> Int? {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "")
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) else { return nil }
        return Int(cleaned)
    }

    static func decimal(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// A lexically valid `xsd:date`, `xsd:dateTime` (seconds required, as XSD says), `xsd:gYear`
    /// or `xsd:gYearMonth`, with an optional zone. Anything else is kept as given and reported.
    static func looksLikeDate(_ text: String) -> Bool {
        text.range(of: #"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?)?)?(Z|[+-]\d{2}:\d{2})?$"#, options: .regularExpression) != nil
    }
}
