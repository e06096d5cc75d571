import Foundation
import RDF

/// Where each subject field is in a node's file: a CSV column or a JSON member name, and for the
/// fields that hold several values, the separator that splits them. Without a mapping file the
/// columns are `subject`, `sex`, `age_at_diagnosis`, `diagnosis`, `modality` and `body_site`,
/// lists separated by `;`.
public struct SubjectMapping: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable {
        case subject, sex, ageAtDiagnosis, diagnoses, modalities, bodySites

        var isList: Bool { [.diagnoses, .modalities, .bodySites].contains(self) }

        var defaultColumn: String {
            switch self {
            case .subject: "subject"
            case .sex: "sex"
            case .ageAtDiagnosis: "age_at_diagnosis"
            case .diagnoses: "diagnosis"
            case .modalities: "modality"
            case .bodySites: "body_site"
            }
        }
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        /// Splits one value into several (lists only); nil: one value per cell (JSON arrays still give several).
        public var separator: String?
    }

    public var columns: [Field: Column]
    /// The CSV field delimiter: `,` (default), `;` or a tab.
    public var delimiter: Character
    /// JSON files: the member holding the array of subjects; nil: the document is the array.
    public var records: String?

    /// A text that differs between mappings that read a file differently (part of an import's hash).
    public var fingerprint: String {
        let described = Field.allCases.compactMap { field -> String? in
            guard let column = columns[field] else { return nil }
            return "\(field.rawValue)=\(column.name)|\(column.separator ?? "")"
        }
        return described.joined(separator: ";") + ";delimiter=\(delimiter);records=\(records ?? "")"
    }

    public static let standard = SubjectMapping(
        columns: Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, Column(name: $0.defaultColumn, separator: $0.isList ? ";" : nil)) }),
        delimiter: ",", records: nil)

    /// Reads a mapping file (JSON): `{"columns": {"subject": "PatientID", "diagnoses": {"column":
    /// "Dx", "split": "|"}, …}, "delimiter": ";", "records": "subjects"}`. Every key is checked;
    /// `subject` is required.
    public static func load(_ file: URL) throws(SubjectFileError) -> SubjectMapping {
        func refuse(_ message: String) -> SubjectFileError { SubjectFileError(file: file, message: message) }
        guard let data = try? Data(contentsOf: file) else { throw refuse("cannot be read") }
        let document: JSONValue
        do {
            document = try JSONValue.parse(data)
        } catch {
            throw refuse("line \(error.line), column \(error.column): \(error.message)")
        }
        guard let root = document.objectValue else { throw refuse("is not a JSON object") }
        for key in root.keys where !["columns", "delimiter", "records", "description"].contains(key) {
            throw refuse("unknown key '\(key)'; known keys: columns, delimiter, records, description")
        }
        guard let entries = root["columns"]?.objectValue else { throw refuse("'columns' must be an object of field → column") }
        var mapping = SubjectMapping(columns: [:], delimiter: ",", records: root["records"]?.stringValue)
        for (name, value) in entries {
            guard let field = Field(rawValue: name) else {
                throw refuse("'columns.\(name)' is not a subject field; fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mapping.columns[field] = try column(value, field: field, refuse)
        }
        guard mapping.columns[.subject] != nil else { throw refuse("'columns.subject' is required: the column of the subject id") }
        if let delimiter = root["delimiter"] {
            guard let text = delimiter.stringValue, [",", ";", "\t"].contains(text) else {
                throw refuse("'delimiter' must be \",\", \";\" or \"\\t\"")
            }
            mapping.delimiter = Character(text)
        }
        if root["records"] != nil, mapping.records?.isEmpty != false { throw refuse("'records' must be a member name") }
        return mapping
    }

    private static func column(_ value: JSONValue, field: Field, _ refuse: (String) -> SubjectFileError) throws(SubjectFileError) -> Column {
        if let name = value.stringValue, !name.isEmpty { return Column(name: name, separator: nil) }
        guard let object = value.objectValue, let name = object["column"]?.stringValue, !name.isEmpty else {
            throw refuse("'columns.\(field.rawValue)' must be a column name or {\"column\": NAME, \"split\": SEPARATOR}")
        }
        for key in object.keys where !["column", "split"].contains(key) {
            throw refuse("'columns.\(field.rawValue).\(key)' is not a key; use column and split")
        }
        let separator = object["split"]?.stringValue
        if object["split"] != nil, separator?.isEmpty != false { throw refuse("'columns.\(field.rawValue).split' must be a non-empty string") }
        if separator != nil, !field.isList { throw refuse("'columns.\(field.rawValue)' holds one value; only lists split") }
        return Column(name: name, separator: separator)
    }
}
