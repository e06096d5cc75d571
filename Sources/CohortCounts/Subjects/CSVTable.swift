import Foundation

/// A CSV file read strictly (RFC 4180: quoted fields with `""` escapes, CRLF or LF line ends, an
/// optional UTF-8 byte-order mark), keeping each record's line so that an error can say where.
/// Written here rather than taken from a CSV package because the ones available report a
/// malformed quote or a short row without its line, and the operator must be told where.
struct CSVTable {
    var header: [String]
    /// Each data record's fields and the line it starts on (the header is line 1).
    var rows: [(line: Int, fields: [String])]

    struct SyntaxError: Error, Equatable {
        var line: Int
        var message: String
    }

    static func parse(_ text: String, delimiter: Character = ",") throws(SyntaxError) -> CSVTable {
        var records = try records(of: text, delimiter: delimiter)
        guard !records.isEmpty else { throw SyntaxError(line: 1, message: "the file is empty: the first line must name the columns") }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = header.firstIndex(of: "") { throw SyntaxError(line: 1, message: "column \(empty + 1) of the header has no name") }
        if let duplicate = header.first(where: { name in header.filter { $0 == name }.count > 1 }) {
            throw SyntaxError(line: 1, message: "the header names the column '\(duplicate)' twice")
        }
        for record in records where record.fields.count != header.count {
            throw SyntaxError(line: record.line, message: "the row has \(record.fields.count) fields; the header has \(header.count)")
        }
        return CSVTable(header: header, rows: records)
    }

    private static func records(of text: String, delimiter: Character) throws(SyntaxError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false, atFieldStart = true
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if characters.last != "\n" && characters.last != "\r\n" { characters.append("\n") }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" { field.append("\""); index += 1 } else { inQuotes = false }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                inQuotes = true
                wasQuoted = true
                atFieldStart = false
            case "\"":
                throw SyntaxError(line: line, message: "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
            case delimiter:
                fields.append(field)
                field = ""
                wasQuoted = false
                atFieldStart = true
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append((recordLine, fields)) }
                fields = []
                field = ""
                wasQuoted = false
                atFieldStart = true
                line += 1
                recordLine = line
            default:
                if wasQuoted {
                    throw SyntaxError(line: line, message: "text after a closing quote: a quoted field ends at its quote")
                }
                field.append(character)
                atFieldStart = false
            }
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is never closed") }
        return records
    }
}
