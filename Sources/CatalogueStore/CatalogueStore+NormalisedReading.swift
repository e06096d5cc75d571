import CatalogueModel
import GRDB

extension CatalogueStore {
    /// The normalised records of `keys`, in the order given (absent keys are skipped). Reads only
    /// the normalised JSON: a search page does not pay for decoding raw records.
    public func normalisedRecords(_ keys: [DatasetKey]) throws -> [NormalisedRecord] {
        let reader = RecordReader()
        return try read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT node, identifier, normalised, source FROM dataset WHERE node = ? AND identifier = ?")
            return try keys.compactMap { key in
                let rows = try Row.fetchCursor(statement, arguments: [key.node, key.id])
                return try rows.next().map { row in
                    NormalisedRecord(key: key, normalised: try reader.normalised(from: row, at: 2, key: key), source: row[3])
                }
            }
        }
    }
}

extension CatalogueStore {
    /// Node ids and names, without counting their datasets: what a search needs on every request.
    public func nodeNames() throws -> [String: String?] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM node")
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, String?) in (row[0], row[1]) })
        }
    }
}
