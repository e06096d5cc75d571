import CatalogueModel
import GRDB

extension CatalogueStore {
    /// Removes a node's records whose identifiers are not in `identifiers`, with their unmapped
    /// values, in one transaction; returns the removed keys in key order (to remove from the index).
    ///
    /// For the end of a complete harvest only: a node's records are withdrawn once every page of
    /// a full run succeeded, never because one page failed. The node itself stays.
    @discardableResult
    public func withdrawRecords(node: String, keeping identifiers: Set<String>) throws -> [DatasetKey] {
        try write { db in try DatasetTable.withdraw(node: node, keeping: identifiers, in: db) }
    }
}

extension DatasetTable {
    static func withdraw(node: String, keeping identifiers: Set<String>, in db: Database) throws -> [DatasetKey] {
        let stored = try String.fetchAll(
            db, sql: "SELECT identifier FROM dataset WHERE node = ? ORDER BY identifier", arguments: [node])
        let withdrawn = stored.filter { !identifiers.contains($0) }
        let delete = try db.cachedStatement(sql: "DELETE FROM dataset WHERE node = ? AND identifier = ?")
        for identifier in withdrawn {
            try delete.execute(arguments: [node, identifier])
        }
        return withdrawn.map { DatasetKey(node: node, id: $0) }
    }
}
