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

        /// `replace(of:with:)` for many datasets at once: the stored keys read, and the
        /// differences deleted and inserted, in a few set-based statements instead of a dozen
        /// statements per dataset.
        mutating func replace(_ updates: [(key: DatasetKey, keys: [String])]) throws {
            guard !updates.isEmpty else { return }
            var pairs = JSONWriter(capacity: updates.count * 40)
            pairs.array(updates) { json, update in json.array([update.key.node, update.key.id]) { $0.string($1) } }
            var datasetIDs: [DatasetKey: Int64] = [:]
            let idRows = try Row.fetchCursor(db, sql: """
                SELECT d.node, d.identifier, d.id FROM json_each(?) AS j
                JOIN dataset d ON d.node = json_extract(j.value, '$[0]') AND d.identifier = json_extract(j.value, '$[1]')
                """, arguments: [String(decoding: pairs.bytes, as: UTF8.self)])
            while let row = try idRows.next() { datasetIDs[DatasetKey(node: row[0], id: row[1])] = row[2] }
            var ids = JSONWriter(capacity: datasetIDs.count * 8)
            ids.array(datasetIDs.values.sorted()) { $0.int(Int($1)) }
            var stored: [Int64: Set<Int64>] = [:]
            let storedRows = try Row.fetchCursor(db, sql: """
                SELECT dataset, key FROM normalisationProbe WHERE dataset IN (SELECT value FROM json_each(?))
                """, arguments: [String(decoding: ids.bytes, as: UTF8.self)])
            while let row = try storedRows.next() { stored[row[0], default: []].insert(row[1]) }
            var deletions: [(Int64, Int64)] = [], insertions: [(Int64, Int64)] = []
            for update in updates {
                guard let dataset = datasetIDs[update.key] else { continue }
                var wanted = Set<Int64>()
                for probe in update.keys { wanted.insert(try id(of: probe)) }
                let old = stored[dataset] ?? []
                deletions += old.subtracting(wanted).map { ($0, dataset) }
                insertions += wanted.subtracting(old).map { ($0, dataset) }
            }
            try execute("DELETE FROM normalisationProbe WHERE (key, dataset) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))", deletions)
            try execute("INSERT OR IGNORE INTO normalisationProbe (key, dataset) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)", insertions)
        }

        private func execute(_ sql: String, _ pairs: [(Int64, Int64)]) throws {
            guard !pairs.isEmpty else { return }
            var json = JSONWriter(capacity: pairs.count * 16)
            json.array(pairs) { json, pair in json.array([pair.0, pair.1]) { $0.int(Int($1)) } }
            try db.execute(sql: sql, arguments: [String(decoding: json.bytes, as: UTF8.self)])
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
