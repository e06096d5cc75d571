import CatalogueModel
import GRDB

extension CatalogueStore {
    /// Every record, ordered by node then identifier. For the whole catalogue at scale prefer
    /// ``forEachRecord(batchSize:_:)``, which holds one batch at a time.
    public func allRecords() throws -> [CatalogueRecord] {
        let reader = RecordReader()
        return try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(DatasetTable.recordColumns) FROM dataset ORDER BY node, identifier")
            return try Array(rows.map(reader.record(from:)))
        }
    }

    /// The record stored under `key`, or nil.
    public func record(_ key: DatasetKey) throws -> CatalogueRecord? {
        try records([key]).first
    }

    /// The records stored under `keys`, in the order of `keys` (a search's ranking), skipping keys
    /// the catalogue does not hold (an index can briefly lag behind the catalogue). A key given
    /// twice is returned twice.
    public func records(_ keys: [DatasetKey]) throws -> [CatalogueRecord] {
        let reader = RecordReader()
        return try read { db in
            let statement = try db.cachedStatement(sql: DatasetTable.recordSQL)
            return try keys.compactMap { key in
                // The cursor must outlive the row: a cursor's rows are views on its statement.
                let rows = try Row.fetchCursor(statement, arguments: [key.node, key.id])
                return try rows.next().map(reader.record(from:))
            }
        }
    }

    /// The raw records of `keys` (missing ones left out), without decoding the normalised ones:
    /// what re-normalisation needs.
    public func rawRecords(_ keys: [DatasetKey]) throws -> [(key: DatasetKey, raw: RawDataset)] {
        let coder = RecordCoder()
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT raw FROM dataset WHERE node = ? AND identifier = ?")
            return try keys.compactMap { key in
                let rows = try Row.fetchCursor(statement, arguments: [key.node, key.id])
                guard let row = try rows.next() else { return nil }
                return (key, try coder.raw(from: row.dataNoCopy(atIndex: 0), key: key))
            }
        }
    }

    /// How many datasets the catalogue holds, over all nodes.
    public var datasetCount: Int {
        get throws {
            try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dataset") ?? 0 }
        }
    }

    /// Every node that has imported, ordered by id, with its current number of datasets.
    public func nodes() throws -> [CatalogueNode] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT node.id, node.name, node.createdAt, COUNT(dataset.id)
                FROM node LEFT JOIN dataset ON dataset.node = node.id
                GROUP BY node.id ORDER BY node.id
                """)
            return rows.map { row in
                CatalogueNode(id: row[0], name: row[1], createdAt: StoredTime.date(row[2]), datasetCount: row[3])
            }
        }
    }

    /// Import runs in the order they happened, optionally for one node only.
    public func importRuns(node: String? = nil) throws -> [ImportRun] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, node, source, startedAt, finishedAt, insertedCount, updatedCount, unchangedCount
                FROM importRun WHERE ?1 IS NULL OR node = ?1 ORDER BY id
                """, arguments: [node])
            return rows.map { row in
                ImportRun(
                    id: row[0], node: row[1], source: row[2],
                    startedAt: StoredTime.date(row[3]), finishedAt: StoredTime.date(row[4]),
                    inserted: row[5], updated: row[6], unchanged: row[7])
            }
        }
    }
}
