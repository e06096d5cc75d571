import Foundation
/// Reads the calendar date of an ISO 8601 date or date-time lexical form ("2024-05-01",
/// "2012-05-10T21:04"); anything else is not a date the catalogue can sort by.
enum DateNormaliser {
    static func isoDate(_ text: String) -> String? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces).prefix(10))
        guard characters.count == 10, characters[4] == "-", characters[7] == "-" else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].map { characters[$0] }
        guard digits.allSatisfy(\.isNumber),
              let month = Int(String(characters[5...6])), (1...12).contains(month),
              let day = Int(String(characters[8...9])), (1...31).contains(day) else { return nil }
        return String(characters)
    }
}
