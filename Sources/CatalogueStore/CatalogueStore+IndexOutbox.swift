import CatalogueModel
import GRDB

/// What the search index must do to catch up with the store: the outbox entries after the last
/// one the index applied, folded per dataset.
public struct IndexOutboxBatch: Sendable, Equatable {
    /// The last entry this batch covers; the index records it once the batch is applied.
    public var throughSeq: Int64
    /// Each dataset whose document must change, and whether only its facets changed (a
    /// re-normalisation). A key whose dataset is gone from the store is to be deleted.
    public var changes: [(key: DatasetKey, facetsOnly: Bool)]

    public static func == (lhs: IndexOutboxBatch, rhs: IndexOutboxBatch) -> Bool {
        lhs.throughSeq == rhs.throughSeq && lhs.changes.map(\.key) == rhs.changes.map(\.key)
            && lhs.changes.map(\.facetsOnly) == rhs.changes.map(\.facetsOnly)
    }
}

extension CatalogueStore {
    /// This catalogue's identity, created with it; the index records it to know whose it is.
    public func catalogueID() throws -> String {
        try read { db in
            guard let id = try String.fetchOne(db, sql: "SELECT id FROM catalogueIdentity WHERE singleton = 1") else {
                throw CatalogueStoreError.readFailed(message: "the catalogue has no identity row")
            }
            return id
        }
    }

    /// The sequence number of the newest outbox entry ever written (0 when none), whether or not
    /// it has been applied and deleted since.
    public func indexOutboxHead() throws -> Int64 {
        try read { db in try Self.outboxHead(db) }
    }

    /// How many outbox entries are waiting after `seq`.
    public func indexOutboxPending(after seq: Int64) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM indexOutbox WHERE seq > ?", arguments: [seq]) ?? 0
        }
    }

    /// Up to `limit` datasets to bring up to date, from the entries after `seq`, in one snapshot.
    /// A dataset with several entries is listed once: facets only when every entry was.
    public func indexOutbox(after seq: Int64, limit: Int = 5_000) throws -> IndexOutboxBatch {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, node, identifier, facetsOnly FROM indexOutbox WHERE seq > ? ORDER BY seq LIMIT ?
                    """,
                arguments: [seq, limit])
            var order: [DatasetKey] = []
            var facetsOnly: [DatasetKey: Bool] = [:]
            var through = seq
            for row in rows {
                let key = DatasetKey(node: row[1], id: row[2])
                let onlyFacets: Bool = row[3]
                if let earlier = facetsOnly[key] {
                    facetsOnly[key] = earlier && onlyFacets
                } else {
                    order.append(key)
                    facetsOnly[key] = onlyFacets
                }
                through = row[0]
            }
            return IndexOutboxBatch(throughSeq: through, changes: order.map { ($0, facetsOnly[$0] ?? false) })
        }
    }

    /// Forgets the entries the index has applied (through `seq`).
    public func deleteIndexOutbox(through seq: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM indexOutbox WHERE seq <= ?", arguments: [seq]) }
    }

    static func outboxHead(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'indexOutbox'") ?? 0
    }
}

extension CatalogueStore {
    /// The newest vocabulary change set's id (0 before the first): a writer that opened the
    /// catalogue earlier compares it, under the writer lock, to know its vocabulary is current.
    public func latestVocabularyChangeID() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM vocabularyChange") ?? 0 }
    }

    /// SQLite's own check of the file (`PRAGMA quick_check`): "ok", or what is damaged.
    public func integrityProblems() throws -> [String] {
        try read { db in
            let lines = try String.fetchAll(db, sql: "PRAGMA quick_check")
            return lines == ["ok"] ? [] : lines
        }
    }

    /// Every dataset key, ordered by node then identifier.
    public func datasetKeys() throws -> [DatasetKey] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT node, identifier FROM dataset ORDER BY node, identifier").map {
                DatasetKey(node: $0[0], id: $0[1])
            }
        }
    }
}
