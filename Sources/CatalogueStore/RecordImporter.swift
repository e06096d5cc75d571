import CatalogueModel
import Foundation
import GRDB

/// Writes one import's records for one node inside a write transaction the caller owns.
///
/// Per record: compare with the stored content hash (looked up for the whole batch at once), then
/// insert, replace, or (same hash) keep the raw record and its provenance and only refresh the
/// normalised record if it differs. The batch's JSON is encoded up front, in parallel
/// (``EncodedBatch``); re-importing an unchanged node costs one normalised encoding and one
/// comparison in SQLite per record.
struct RecordImporter {
    private let db: Database
    private let coder = RecordCoder()
    let run: Int64
    private(set) var summary: ImportSummary
    private var probes: ProbeTable.Writer

    /// Creates the node if it is new and opens an import run for it.
    init(db: Database, node: String, source: String?, startedAt: Date) throws {
        self.db = db
        probes = try ProbeTable.Writer(db)
        let started = StoredTime.milliseconds(startedAt)
        try db.execute(
            sql: "INSERT INTO node (id, createdAt) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
            arguments: [node, started])
        try db.execute(
            sql: """
                INSERT INTO importRun
                    (node, source, startedAt, finishedAt, insertedCount, updatedCount, unchangedCount)
                VALUES (?, ?, ?, ?, 0, 0, 0)
                """,
            arguments: [node, source, started, started])
        run = db.lastInsertedRowID
        summary = ImportSummary(node: node)
    }

    /// Stores a batch of the node's records, looking up their stored hashes in one statement.
    mutating func store(_ records: [CatalogueRecord]) throws {
        let stored: [String: String]
        do {
            stored = try DatasetTable.contentHashes(node: summary.node, identifiers: records.map(\.key.id), in: db)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.writeFailed(key: nil, message: error.storeMessage)
        }
        let storedHashes = records.map { stored[$0.key.id] }
        let json = EncodedBatch(
            records, writesRaw: zip(records, storedHashes).map { $0.contentHash != $1 }, coder: coder)
        for index in records.indices {
            try store(records[index], storedHash: storedHashes[index], normalisedJSON: json.normalised[index], rawJSON: json.raw[index])
        }
    }

    private mutating func store(
        _ record: CatalogueRecord, storedHash: String?, normalisedJSON: String, rawJSON: String?
    ) throws {
        do {
            switch storedHash {
            case nil:
                try DatasetTable.insert(EncodedRecord(record, rawJSON: rawJSON, normalisedJSON: normalisedJSON), run: run, in: db)
                try DatasetTable.insertUnmapped(of: record.key, record.normalised.unmapped, in: db)
                try probes.replace(of: record.key, with: record.normalisationKeys)
                summary.insertedKeys.append(record.key)
            case record.contentHash:
                if try refreshNormalised(record, json: normalisedJSON) {
                    summary.renormalisedKeys.append(record.key)
                }
                summary.unchangedKeys.append(record.key)
            default:
                try DatasetTable.update(EncodedRecord(record, rawJSON: rawJSON, normalisedJSON: normalisedJSON), run: run, in: db)
                try DatasetTable.replaceUnmapped(of: record.key, with: record.normalised.unmapped, in: db)
                try probes.replace(of: record.key, with: record.normalisationKeys)
                summary.updatedKeys.append(record.key)
            }
        } catch let error as DatabaseError {
            throw CatalogueStoreError.writeFailed(key: record.key, message: error.storeMessage)
        }
    }

    private mutating func refreshNormalised(_ record: CatalogueRecord, json: String) throws -> Bool {
        guard try DatasetTable.replaceNormalised(of: record.key, title: record.normalised.title, json: json, in: db)
        else { return false }
        try DatasetTable.replaceUnmapped(of: record.key, with: record.normalised.unmapped, in: db)
        try probes.replace(of: record.key, with: record.normalisationKeys)
        return true
    }

    /// Closes the run with its counts.
    func finish(at finishedAt: Date) throws -> ImportSummary {
        try db.execute(
            sql: """
                UPDATE importRun SET finishedAt = max(startedAt, ?), insertedCount = ?, updatedCount = ?,
                    unchangedCount = ?
                WHERE id = ?
                """,
            arguments: [StoredTime.milliseconds(finishedAt), summary.inserted, summary.updated, summary.unchanged, run])
        return summary
    }
}
