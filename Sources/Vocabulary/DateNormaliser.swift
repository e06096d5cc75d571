import Foundation
/// Reads the calendar date of an ISO 8601 date or date-time lexical form ("2024-05-01",
/// "2012-05-10T21:04"); anything else is not a date the catalogue can sort by.
enum DateNormaliser {
    static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { return nil }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
        let day = Int(bytes[8] - 0x30) * 10 + Int(bytes[9] - 0x30)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
