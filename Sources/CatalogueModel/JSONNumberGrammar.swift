/// RFC 8259's lexical rules that both JSON readers share — the JSON-LD/custom-page parser (RDF)
/// and the stored-record reader (CatalogueStore) — so that a document one accepts the other
/// accepts too: numbers by the grammar, escapes of exactly four hex digits, and a `\u` escape
/// that is half a surrogate pair refused (a Swift string cannot hold one, and U+FFFD in its
/// place would change the value silently).
public enum JSONNumberGrammar {
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    public static func isNumber(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        func advance() { index = bytes.index(after: index) }
        func digits() -> Int {
            var count = 0
            while let byte = peek(), isDigit(byte) { advance(); count += 1 }
            return count
        }
        if peek() == UInt8(ascii: "-") { advance() }
        guard let first = peek(), isDigit(first) else { return false }
        if first == UInt8(ascii: "0") { advance() } else { _ = digits() }
        if peek() == UInt8(ascii: ".") {
            advance()
            guard digits() > 0 else { return false }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    /// The value of a hex digit, nil for anything else.
    public static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The scalar of a `\u` escape, or of a high and low surrogate pair; nil for half a pair.
    public static func scalar(_ unit: UInt32, low: UInt32?) -> Unicode.Scalar? {
        switch unit {
        case 0xD800..<0xDC00:
            guard let low, (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
