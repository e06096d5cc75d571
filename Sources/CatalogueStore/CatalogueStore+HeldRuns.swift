import CatalogueModel
import GRDB

/// A held run as stored: whose it is and the withdrawals it would have made.
public struct HeldRun: Sendable, Equatable {
    public var run: Int64
    public var node: String
    public var reason: String
    /// The identifiers the run would have withdrawn.
    public var withdrawals: Set<String>
}

extension CatalogueStore {
    /// The identifiers of a node's datasets now in the catalogue.
    public func datasetIdentifiers(node: String) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT identifier FROM dataset WHERE node = ?", arguments: [node]))
        }
    }

    /// Run `id` when it is a held run, with the withdrawals it was held for; nil otherwise.
    public func heldRun(_ id: Int64) throws -> HeldRun? {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT node, error FROM harvestRun WHERE id = ? AND status = 'held'", arguments: [id])
            else { return nil }
            let identifiers = try String.fetchAll(db, sql: "SELECT identifier FROM heldWithdrawal WHERE run = ?", arguments: [id])
            return HeldRun(run: id, node: row[0], reason: row[1] ?? "", withdrawals: Set(identifiers))
        }
    }
}

extension HarvestRunTable {
    static func insertHeldWithdrawals(_ identifiers: [String], run: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO heldWithdrawal (run, identifier) VALUES (?, ?)")
        for identifier in identifiers { try statement.execute(arguments: [run, identifier]) }
    }
}
