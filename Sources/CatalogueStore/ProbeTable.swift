import CatalogueModel
import GRDB

/// The SQL of `normalisationKey` and `normalisationProbe`: which keys each dataset's
/// normalisation looked up, and which datasets looked up any of a set of keys.
enum ProbeTable {
    /// Writes datasets' keys inside one transaction, with the interned key ids read once.
    struct Writer {
        private let db: Database
        private var ids: [String: Int64] = [:]

        init(_ db: Database) throws {
            self.db = db
            let rows = try Row.fetchCursor(db, sql: "SELECT id, key FROM normalisationKey")
            while let row = try rows.next() { ids[row[1]] = row[0] }
        }

        /// Replaces the keys of one dataset (no-op for an unknown dataset), writing only the
        /// difference: a re-normalisation usually changes two or three of a dataset's keys.
        mutating func replace(of key: DatasetKey, with keys: [String]) throws {
            let datasetID = try db.cachedStatement(sql: "SELECT id FROM dataset WHERE node = ? AND identifier = ?")
            guard let dataset = try Int64.fetchOne(datasetID, arguments: [key.node, key.id]) else { return }
            let stored = Set(try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT key FROM normalisationProbe WHERE dataset = ?"), arguments: [dataset]))
            var wanted = Set<Int64>()
            for probe in keys { wanted.insert(try id(of: probe)) }
            let delete = try db.cachedStatement(sql: "DELETE FROM normalisationProbe WHERE key = ? AND dataset = ?")
            for keyID in stored.subtracting(wanted) { try delete.execute(arguments: [keyID, dataset]) }
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO normalisationProbe (key, dataset) VALUES (?, ?)")
            for keyID in wanted.subtracting(stored) { try insert.execute(arguments: [keyID, dataset]) }
        }

        private mutating func id(of probe: String) throws -> Int64 {
            if let known = ids[probe] { return known }
            try db.cachedStatement(sql: "INSERT INTO normalisationKey (key) VALUES (?)").execute(arguments: [probe])
            let id = db.lastInsertedRowID
            ids[probe] = id
            return id
        }
    }

    /// Every dataset that looked up at least one of `keys`, in key order (node, identifier).
    static func datasets(probing keys: Set<String>, in db: Database) throws -> [DatasetKey] {
        guard !keys.isEmpty else { return [] }
        var list = JSONWriter(capacity: keys.count * 24)
        list.array(keys.sorted()) { $0.string($1) }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT DISTINCT d.node, d.identifier FROM json_each(?) AS j
            JOIN normalisationKey k ON k.key = j.value
            JOIN normalisationProbe p ON p.key = k.id
            JOIN dataset d ON d.id = p.dataset
            ORDER BY d.node, d.identifier
            """, arguments: [String(decoding: list.bytes, as: UTF8.self)])
        var result: [DatasetKey] = []
        while let row = try rows.next() { result.append(DatasetKey(node: row[0], id: row[1])) }
        return result
    }

    /// Datasets per concept IRI, for every concept some dataset maps to or sits below.
    static func conceptUsage(in db: Database) throws -> [String: Int] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT substr(k.key, 3), COUNT(*) FROM normalisationKey k
            JOIN normalisationProbe p ON p.key = k.id
            WHERE k.key LIKE 'k:%' GROUP BY k.id
            """)
        var usage: [String: Int] = [:]
        while let row = try rows.next() { usage[row[0]] = row[1] }
        return usage
    }
}
