import CatalogueModel
import Foundation
import RDF

/// Reads a node's subject file (CSV or JSON) through a mapping into raw subjects, checking every
/// row: a file with any bad row is refused whole, with each problem's row, column and reason.
/// Subject ids are replaced by pseudonyms here, as each row is read; no id leaves this type.
public struct SubjectFileReader {
    public static let maximumBytes = 1 << 30
    public static let maximumSubjectIDLength = 256
    public static let ageRange = 0...130

    let mapping: SubjectMapping
    let secret: NodeSecret

    public init(mapping: SubjectMapping = .standard, secret: NodeSecret) {
        self.mapping = mapping
        self.secret = secret
    }

    /// One subject's cells as the file gave them, before checking.
    struct Cells {
        var row: Int
        var line: Int?
        var values: [SubjectMapping.Field: [String]]
    }

    public func read(_ file: URL) throws(SubjectFileError) -> [RawSubject] {
        try read(try Self.load(file), of: file)
    }

    /// The file's bytes (memory-mapped), at most ``maximumBytes``; read once by a caller that
    /// also hashes them.
    public static func load(_ file: URL) throws(SubjectFileError) -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: file, options: .mappedIfSafe)
        } catch {
            throw SubjectFileError(file: file, message: "cannot be read")
        }
        guard data.count <= maximumBytes else { throw SubjectFileError(file: file, message: "is larger than 1 GiB") }
        return data
    }

    /// The subjects in `data`, the bytes of `file` (named in errors; its extension says JSON).
    public func read(_ data: Data, of file: URL) throws(SubjectFileError) -> [RawSubject] {
        let cells = Self.isJSON(file, data) ? try jsonCells(data, file) : try csvCells(data, file)
        guard !cells.isEmpty else { throw SubjectFileError(file: file, message: "holds no subject") }
        return try subjects(from: cells, file)
    }

    static func isJSON(_ file: URL, _ data: Data) -> Bool {
        if file.pathExtension.lowercased() == "json" { return true }
        return data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.map { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") } ?? false
    }

    private func csvCells(_ data: Data, _ file: URL) throws(SubjectFileError) -> [Cells] {
        guard let text = String(data: data, encoding: .utf8) else { throw SubjectFileError(file: file, message: "is not UTF-8 text") }
        let table: CSVTable
        do {
            table = try CSVTable.parse(text, delimiter: mapping.delimiter)
        } catch {
            throw SubjectFileError(file: file, message: "line \(error.line): \(error.message)")
        }
        let standard = mapping == .standard
        if standard, let unknown = table.header.first(where: { name in !mapping.columns.values.contains { $0.name == name } }) {
            throw SubjectFileError(
                file: file,
                message: "has a column '\(unknown)' that is not a subject field (\(SubjectMapping.standard.columns.values.map(\.name).sorted().joined(separator: ", "))); name the columns with --mapping")
        }
        var positions: [SubjectMapping.Field: Int] = [:]
        for field in SubjectMapping.Field.allCases {
            guard let column = mapping.columns[field] else { continue }
            if let position = table.header.firstIndex(of: column.name) {
                positions[field] = position
            } else if field == .subject || !standard {
                // Without a mapping only the subject column is required; a mapping's columns all are.
                throw SubjectFileError(file: file, message: "has no column '\(column.name)' (for \(field.rawValue)); its columns: \(table.header.joined(separator: ", "))")
            }
        }
        return table.rows.enumerated().map { index, record in
            var values: [SubjectMapping.Field: [String]] = [:]
            for (field, position) in positions { values[field] = split(record.fields[position], field) }
            return Cells(row: index + 1, line: record.line, values: values)
        }
    }

    private func jsonCells(_ data: Data, _ file: URL) throws(SubjectFileError) -> [Cells] {
        let document: JSONValue
        do {
            document = try JSONValue.parse(data)
        } catch {
            throw SubjectFileError(file: file, message: "line \(error.line), column \(error.column): \(error.message)")
        }
        let list: [JSONValue]
        if let member = mapping.records {
            guard let found = document.objectValue?[member]?.arrayValue else {
                throw SubjectFileError(file: file, message: "has no array '\(member)' at its top level (the mapping's records)")
            }
            list = found
        } else if let array = document.arrayValue {
            list = array
        } else if let found = document.objectValue?["subjects"]?.arrayValue {
            list = found
        } else {
            throw SubjectFileError(file: file, message: "is neither an array of subjects nor an object with a 'subjects' array")
        }
        var cells: [Cells] = []
        var problems: [SubjectFileError.Problem] = []
        for (index, item) in list.enumerated() {
            guard let object = item.objectValue else {
                problems.append(.init(row: index + 1, column: "-", reason: "is not a JSON object"))
                continue
            }
            var values: [SubjectMapping.Field: [String]] = [:]
            for (field, column) in mapping.columns {
                guard let value = object[column.name], !value.isNull else { continue }
                var texts: [String] = []
                for element in value.asArray {
                    switch element {
                    case .string(let text): texts += split(text, field)
                    case .number(let number) where number == number.rounded() && abs(number) < 1e15: texts.append(String(Int(number)))
                    default: problems.append(.init(row: index + 1, column: column.name, reason: "must be a string, a whole number or an array of strings"))
                    }
                }
                values[field] = texts
            }
            cells.append(Cells(row: index + 1, line: nil, values: values))
        }
        if !problems.isEmpty { throw SubjectFileError(file: file, problems: Array(problems.prefix(SubjectFileError.maximumListed)), total: problems.count) }
        return cells
    }

    /// A cell's values, trimmed; control characters (which no vocabulary label holds, and which
    /// the store uses as its list separator) become spaces.
    private func split(_ cell: String, _ field: SubjectMapping.Field) -> [String] {
        let visible = String(String.UnicodeScalarView(cell.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        let trimmed = visible.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        guard let separator = mapping.columns[field]?.separator else { return [trimmed] }
        return trimmed.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Checks every row and turns it into a raw subject; all problems are gathered before refusing.
    private func subjects(from cells: [Cells], _ file: URL) throws(SubjectFileError) -> [RawSubject] {
        var problems: [SubjectFileError.Problem] = []
        var subjects: [RawSubject] = []
        subjects.reserveCapacity(cells.count)
        var firstRow: [String: Int] = [:]
        func column(_ field: SubjectMapping.Field) -> String { mapping.columns[field]?.name ?? field.rawValue }
        for cell in cells {
            func problem(_ field: SubjectMapping.Field, _ reason: String) {
                problems.append(.init(row: cell.row, line: cell.line, column: column(field), reason: reason))
            }
            let ids = cell.values[.subject] ?? []
            guard ids.count == 1, let id = ids.first else {
                problem(.subject, ids.isEmpty ? "the subject id is missing" : "holds several subject ids")
                continue
            }
            guard id.count <= Self.maximumSubjectIDLength else {
                problem(.subject, "the subject id is longer than \(Self.maximumSubjectIDLength) characters")
                continue
            }
            let pseudonym = secret.pseudonym(of: id)
            if let earlier = firstRow[pseudonym] {
                problem(.subject, "the same subject id as row \(earlier): one row per subject")
                continue
            }
            firstRow[pseudonym] = cell.row
            var subject = RawSubject(pseudonym: pseudonym)
            let sexes = cell.values[.sex] ?? []
            if sexes.count > 1 { problem(.sex, "holds several values") }
            subject.sex = sexes.first
            let ages = cell.values[.ageAtDiagnosis] ?? []
            if let text = ages.first {
                if let age = Int(text), Self.ageRange.contains(age), ages.count == 1 {
                    subject.ageAtDiagnosis = age
                } else {
                    problem(.ageAtDiagnosis, "'\(text.prefix(40))' is not a whole number of years from 0 to 130")
                }
            }
            subject.diagnoses = cell.values[.diagnoses] ?? []
            subject.modalities = cell.values[.modalities] ?? []
            subject.bodySites = cell.values[.bodySites] ?? []
            subjects.append(subject)
        }
        if !problems.isEmpty { throw SubjectFileError(file: file, problems: Array(problems.prefix(SubjectFileError.maximumListed)), total: problems.count) }
        return subjects
    }
}
