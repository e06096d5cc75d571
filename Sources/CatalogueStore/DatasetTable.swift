import CatalogueModel
import GRDB

/// The SQL that reads and writes rows of `dataset` and `unmappedValue`, one statement each.
///
/// Every statement is a cached prepared statement with positional arguments: an import of 1,000
/// records prepares each statement once and only binds and steps it after that.
enum DatasetTable {
    /// The columns a ``CatalogueRecord`` is read from, in the order ``RecordReader`` expects.
    static let recordColumns = "node, identifier, raw, normalised, contentHash, source, importedAt"

    /// One record by key: a search page's records are read with this, one key at a time.
    static let recordSQL = "SELECT \(recordColumns) FROM dataset WHERE node = ? AND identifier = ?"

    /// The identifiers come as one JSON array, so the statement is prepared once whatever the
    /// batch size; SQLite probes the `(node, identifier)` index once per identifier.
    static let contentHashesSQL = """
        SELECT identifier, contentHash FROM dataset
        WHERE node = ? AND identifier IN (SELECT value FROM json_each(?))
        """

    /// A page of `columns` in key order, after a key or from the start. Two statements rather
    /// than `?1 IS NULL OR …`, which would keep SQLite from seeking the index.
    static func pageSQL(_ columns: String, afterKey: Bool) -> String {
        afterKey
            ? "SELECT \(columns) FROM dataset WHERE (node, identifier) > (?, ?) ORDER BY node, identifier LIMIT ?"
            : "SELECT \(columns) FROM dataset ORDER BY node, identifier LIMIT ?"
    }

    /// The stored content hashes of a node's datasets among `identifiers`, by identifier: one
    /// statement for a whole import batch instead of one lookup per record.
    static func contentHashes(node: String, identifiers: [String], in db: Database) throws -> [String: String] {
        var ids = JSONWriter(capacity: identifiers.count * 24)
        ids.array(identifiers) { $0.string($1) }
        let statement = try db.cachedStatement(sql: contentHashesSQL)
        let rows = try Row.fetchCursor(statement, arguments: [node, String(decoding: ids.bytes, as: UTF8.self)])
        var hashes: [String: String] = [:]
        hashes.reserveCapacity(identifiers.count)
        while let row = try rows.next() {
            hashes[row[0]] = row[1] as String
        }
        return hashes
    }

    static func contentHash(of key: DatasetKey, in db: Database) throws -> String? {
        let statement = try db.cachedStatement(
            sql: "SELECT contentHash FROM dataset WHERE node = ? AND identifier = ?")
        return try String.fetchOne(statement, arguments: [key.node, key.id])
    }

    static func exists(_ key: DatasetKey, in db: Database) throws -> Bool {
        try contentHash(of: key, in: db) != nil
    }

    static func insert(_ row: EncodedRecord, run: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO dataset
                (node, identifier, iri, title, raw, normalised, contentHash, source, importedAt, importRun)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            row.key.node, row.key.id, row.iri, row.title, row.raw, row.normalised,
            row.contentHash, row.source, row.importedAt, run,
        ])
    }

    static func update(_ row: EncodedRecord, run: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE dataset
            SET iri = ?, title = ?, raw = ?, normalised = ?, contentHash = ?, source = ?,
                importedAt = ?, importRun = ?
            WHERE node = ? AND identifier = ?
            """)
        try statement.execute(arguments: [
            row.iri, row.title, row.raw, row.normalised, row.contentHash, row.source,
            row.importedAt, run, row.key.node, row.key.id,
        ])
    }

    /// Writes a new normalised record over a stored one; returns false (and writes nothing) when
    /// the stored one is already identical or the dataset is absent.
    static func replaceNormalised(
        of key: DatasetKey, title: String, json: String, in db: Database
    ) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            UPDATE dataset SET title = ?, normalised = ?
            WHERE node = ? AND identifier = ? AND normalised <> ?
            """)
        try statement.execute(arguments: [title, json, key.node, key.id, json])
        return db.changesCount > 0
    }

    /// Replaces a dataset's unmapped values. Duplicates in `values` are stored once.
    static func replaceUnmapped(of key: DatasetKey, with values: [UnmappedValue], in db: Database) throws {
        let delete = try db.cachedStatement(
            sql: "DELETE FROM unmappedValue WHERE node = ? AND datasetIdentifier = ?")
        try delete.execute(arguments: [key.node, key.id])
        try insertUnmapped(of: key, values, in: db)
    }

    static func insertUnmapped(of key: DatasetKey, _ values: [UnmappedValue], in db: Database) throws {
        guard !values.isEmpty else { return }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO unmappedValue (node, datasetIdentifier, field, value) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        for value in values {
            try insert.execute(arguments: [key.node, key.id, value.field, value.value])
        }
    }
}
