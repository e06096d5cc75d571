import Foundation
import RDF

/// Typed literals for dates and numbers, written only when the lexical form is valid for the
/// datatype: a portal's validator rejects `"01/05/2024"^^xsd:date`, and DCAT-AP allows
/// `xsd:date`, `xsd:dateTime`, `xsd:gYear` and `xsd:gYearMonth` for `dct:issued`/`dct:modified`.
enum ExportLexical {
    /// `2024` → xsd:gYear, `2024-05` → xsd:gYearMonth, `2024-05-01` → xsd:date,
    /// `2024-05-01T10:00:00(.5)(Z|+02:00)` → xsd:dateTime; nil for anything else.
    static func date(_ text: String) -> Term? {
        let value = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        func byte(_ index: Int, _ character: Character) -> Bool { index < bytes.count && bytes[index] == character.asciiValue }
        guard digits(0..<4) else { return nil }
        if bytes.count == 4 { return .literal(value, datatype: ExportTerms.xsd + "gYear") }
        guard byte(4, "-"), digits(5..<7), (1...12).contains(number(5..<7)) else { return nil }
        if bytes.count == 7 { return .literal(value, datatype: ExportTerms.xsd + "gYearMonth") }
        guard byte(7, "-"), digits(8..<10), (1...31).contains(number(8..<10)) else { return nil }
        if bytes.count == 10 { return .literal(value, datatype: ExportTerms.xsd + "date") }
        guard byte(10, "T"), digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19),
              number(11..<13) < 24, number(14..<16) < 60, number(17..<19) < 61 else { return nil }
        var index = 19
        if byte(index, ".") {
            index += 1
            let start = index
            while digits(index..<(index + 1)) { index += 1 }
            guard index > start else { return nil }
        }
        let zoned = index == bytes.count
            || (byte(index, "Z") && index + 1 == bytes.count)
            || ((byte(index, "+") || byte(index, "-")) && index + 6 == bytes.count
                && digits((index + 1)..<(index + 3)) && byte(index + 3, ":") && digits((index + 4)..<(index + 6)))
        return zoned ? .literal(value, datatype: ExportTerms.xsd + "dateTime") : nil
    }

    static func count(_ value: Int) -> Term? {
        value >= 0 ? .literal(String(value), datatype: ExportTerms.xsd + "nonNegativeInteger") : nil
    }

    /// A whole number of years as xsd:nonNegativeInteger (HealthDCAT-AP's range), else xsd:decimal.
    static func age(_ value: Double) -> Term? {
        guard value.isFinite, value >= 0 else { return nil }
        if value == value.rounded(), value < 1_000 { return count(Int(value)) }
        return .literal(String(format: "%.4f", value).trimmingZeros, datatype: ExportTerms.xsd + "decimal")
    }

    /// `dcat:byteSize` as given, when it is a whole number.
    static func byteSize(_ text: String) -> Term? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return .literal(value, datatype: ExportTerms.xsd + "nonNegativeInteger")
    }
}

private extension String {
    /// `45.5000` → `45.5` (a decimal keeps at least one digit after the point).
    var trimmingZeros: String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text += "0" }
        return text
    }
}
