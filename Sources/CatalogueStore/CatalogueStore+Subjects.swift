import CatalogueModel
import Foundation
import GRDB

extension CatalogueStore {
    /// A dataset's subjects as stored, with the store row their index documents carry.
    public struct DatasetSubjects: Sendable {
        public var dataset: DatasetKey
        public var row: Int64
        public var subjects: [StoredSubject]
    }

    /// What a subject import changed.
    public enum SubjectReplacement: Sendable, Equatable {
        /// The same file was imported before: nothing changed.
        case unchanged
        /// The dataset's subjects were replaced; `revision` is the store's new subject revision.
        case replaced(datasetRow: Int64, revision: Int)
    }

    /// Replaces every subject of `dataset` in one transaction (the old ones are gone, the new ones
    /// in, or nothing changed), with the per-field unmapped values and their subject counts.
    /// ``CatalogueStoreError/unknownDataset(_:)`` when the catalogue holds no such dataset.
    public func replaceSubjects(
        of dataset: DatasetKey, with subjects: [StoredSubject], unmapped: [UnmappedValue: Int], source: String,
        contentHash: String, at date: Date
    ) throws -> SubjectReplacement {
        try write { db in
            guard let row = try Int64.fetchOne(db, sql: "SELECT id FROM dataset WHERE node = ? AND identifier = ?",
                                               arguments: [dataset.node, dataset.id]) else {
                throw CatalogueStoreError.unknownDataset(dataset)
            }
            let previous = try String.fetchOne(db, sql: "SELECT contentHash FROM subjectImport WHERE datasetRow = ?", arguments: [row])
            if previous == contentHash { return .unchanged }
            try db.execute(sql: "DELETE FROM subject WHERE datasetRow = ?", arguments: [row])
            try db.execute(sql: "DELETE FROM subjectUnmappedValue WHERE datasetRow = ?", arguments: [row])
            let insert = try db.cachedStatement(sql: """
                INSERT INTO subject (datasetRow, pseudonym, rawSex, age, rawDiagnoses, rawModalities, rawBodySites,
                                     sex, ageBand, cancerTypes, modalities, bodySites)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for subject in subjects { try insert.execute(arguments: Self.arguments(subject, row: row)) }
            let unmappedInsert = try db.cachedStatement(
                sql: "INSERT INTO subjectUnmappedValue (datasetRow, field, value, subjects) VALUES (?, ?, ?, ?)")
            for (value, count) in unmapped { try unmappedInsert.execute(arguments: [row, value.field, value.value, count]) }
            try db.execute(sql: """
                INSERT INTO subjectImport (datasetRow, subjects, source, importedAt, contentHash) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (datasetRow) DO UPDATE SET subjects = excluded.subjects, source = excluded.source,
                    importedAt = excluded.importedAt, contentHash = excluded.contentHash
                """, arguments: [row, subjects.count, source, StoredTime.milliseconds(date), contentHash])
            return .replaced(datasetRow: row, revision: try Self.bumpSubjectRevision(db))
        }
    }

    /// Writes re-normalised subjects over stored ones (after a vocabulary edit) and returns the
    /// new subject revision; the raw values and pseudonyms stay as they are.
    public func replaceNormalisedSubjects(_ changes: [(datasetRow: Int64, pseudonym: String, normalised: NormalisedSubject)]) throws -> Int {
        try write { db in
            let update = try db.cachedStatement(sql: """
                UPDATE subject SET sex = ?, ageBand = ?, cancerTypes = ?, modalities = ?, bodySites = ?
                WHERE datasetRow = ? AND pseudonym = ?
                """)
            for change in changes {
                let n = change.normalised
                try update.execute(arguments: [n.sex, n.ageBand, Self.joined(n.cancerTypes), Self.joined(n.modalities),
                                               Self.joined(n.bodySites), change.datasetRow, change.pseudonym])
            }
            return try Self.bumpSubjectRevision(db)
        }
    }

    /// The datasets with subjects, with their store rows and import summaries.
    public func subjectImports() throws -> [(row: Int64, summary: SubjectImportSummary)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.datasetRow, d.node, d.identifier, i.subjects, i.source, i.importedAt, i.contentHash
                FROM subjectImport i JOIN dataset d ON d.id = i.datasetRow ORDER BY d.node, d.identifier
                """).map { row in
                (row[0], SubjectImportSummary(dataset: DatasetKey(node: row[1], id: row[2]), subjects: row[3], source: row[4],
                                              importedAt: StoredTime.date(row[5]), contentHash: row[6]))
            }
        }
    }

    /// The store's subject revision: bumped by every change to subjects, recorded by the cohort index.
    public func subjectRevision() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT revision FROM subjectRevision") ?? 0 }
    }

    /// Every dataset's subjects, one dataset at a time (a rebuild of the cohort index).
    public func forEachDatasetSubjects(_ body: (DatasetSubjects) throws -> Void) throws {
        try read { db in
            let datasets = try Row.fetchAll(db, sql: """
                SELECT i.datasetRow, d.node, d.identifier FROM subjectImport i JOIN dataset d ON d.id = i.datasetRow ORDER BY i.datasetRow
                """)
            for dataset in datasets {
                let row: Int64 = dataset[0]
                let subjects = try Row.fetchAll(db, sql: """
                    SELECT pseudonym, rawSex, age, rawDiagnoses, rawModalities, rawBodySites, sex, ageBand, cancerTypes, modalities, bodySites
                    FROM subject WHERE datasetRow = ? ORDER BY pseudonym
                    """, arguments: [row]).map(Self.subject)
                try body(DatasetSubjects(dataset: DatasetKey(node: dataset[1], id: dataset[2]), row: row, subjects: subjects))
            }
        }
    }

    /// The subject values no concept matched: per field and value, the datasets and subjects that carry it.
    public func subjectUnmappedValues() throws -> [(field: String, value: String, datasets: [DatasetKey], subjects: Int)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.field, u.value, d.node, d.identifier, u.subjects FROM subjectUnmappedValue u JOIN dataset d ON d.id = u.datasetRow
                ORDER BY u.field, u.value, d.node, d.identifier
                """)
            var result: [(field: String, value: String, datasets: [DatasetKey], subjects: Int)] = []
            for row in rows {
                let field: String = row[0], value: String = row[1]
                if result.last?.field != field || result.last?.value != value { result.append((field, value, [], 0)) }
                result[result.count - 1].datasets.append(DatasetKey(node: row[2], id: row[3]))
                result[result.count - 1].subjects += row[4] as Int
            }
            return result.sorted { ($1.subjects, $0.field, $0.value) < ($0.subjects, $1.field, $1.value) }
        }
    }

    private static func bumpSubjectRevision(_ db: Database) throws -> Int {
        try db.execute(sql: "UPDATE subjectRevision SET revision = revision + 1")
        return try Int.fetchOne(db, sql: "SELECT revision FROM subjectRevision") ?? 0
    }

    static let listSeparator = "\u{1F}"

    static func joined(_ values: [String]) -> String { values.joined(separator: listSeparator) }

    static func split(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: listSeparator) }

    private static func arguments(_ subject: StoredSubject, row: Int64) -> StatementArguments {
        let raw = subject.raw, n = subject.normalised
        return [row, raw.pseudonym, raw.sex, raw.ageAtDiagnosis, joined(raw.diagnoses), joined(raw.modalities), joined(raw.bodySites),
                n.sex, n.ageBand, joined(n.cancerTypes), joined(n.modalities), joined(n.bodySites)]
    }

    private static func subject(_ row: Row) -> StoredSubject {
        StoredSubject(
            raw: RawSubject(pseudonym: row[0], sex: row[1], ageAtDiagnosis: row[2], diagnoses: split(row[3]),
                            modalities: split(row[4]), bodySites: split(row[5])),
            normalised: NormalisedSubject(sex: row[6], ageBand: row[7], cancerTypes: split(row[8]), modalities: split(row[9]),
                                          bodySites: split(row[10])))
    }
}
