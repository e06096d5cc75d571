import CatalogueModel
import GRDB

extension CatalogueStore {
    /// Calls `body` with every record, in batches ordered by node then identifier: the way to
    /// rebuild a search index over 100,000 datasets without holding them all.
    ///
    /// Each batch is read in its own short read transaction and `body` runs outside it, so a slow
    /// indexer never holds the database; in exchange, an import that commits between two batches
    /// is seen by the later batches only (the index is then updated by that import anyway). Pages
    /// follow the `(node, identifier)` index from the last key seen, so every batch costs the same.
    ///
    /// - Parameters:
    ///   - batchSize: records per batch (at least 1).
    ///   - body: receives each non-empty batch; an error it throws stops the iteration and is
    ///     rethrown as is.
    public func forEachRecord(batchSize: Int = 1_000, _ body: ([CatalogueRecord]) throws -> Void) throws {
        let reader = RecordReader()
        try forEachPage(columns: DatasetTable.recordColumns, batchSize: batchSize, decode: reader.record(from:), body)
    }

    /// Like ``forEachRecord(batchSize:_:)`` but reads only the normalised records, which is all a
    /// search index is built from: half the JSON to decode.
    public func forEachNormalised(batchSize: Int = 1_000, _ body: ([NormalisedDataset]) throws -> Void) throws {
        let reader = RecordReader()
        try forEachPage(columns: "node, identifier, normalised", batchSize: batchSize, decode: { row in
            try reader.normalised(from: row, at: 2, key: DatasetKey(node: row[0], id: row[1]))
        }, body)
    }

    /// Keyset pagination over `dataset` in `(node, identifier)` order; `columns` must start with
    /// `node, identifier`.
    private func forEachPage<T>(
        columns: String, batchSize: Int, decode: (Row) throws -> T, _ body: ([T]) throws -> Void
    ) throws {
        precondition(batchSize > 0, "batchSize must be positive")
        var after: DatasetKey?
        while true {
            let (batch, last) = try read { db in try Self.page(columns, after: after, limit: batchSize, decode: decode, in: db) }
            guard let last else { return }
            try body(batch)
            guard batch.count == batchSize else { return }
            after = last
        }
    }

    private static func page<T>(
        _ columns: String, after: DatasetKey?, limit: Int, decode: (Row) throws -> T, in db: Database
    ) throws -> (batch: [T], last: DatasetKey?) {
        let statement = try db.cachedStatement(sql: DatasetTable.pageSQL(columns, afterKey: after != nil))
        let arguments: StatementArguments = after.map { [$0.node, $0.id, limit] } ?? [limit]
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var batch: [T] = []
        batch.reserveCapacity(limit)
        var last: DatasetKey?
        while let row = try rows.next() {
            batch.append(try decode(row))
            last = DatasetKey(node: row[0], id: row[1])
        }
        return (batch, last)
    }
}
