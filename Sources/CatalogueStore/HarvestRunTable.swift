import CatalogueModel
import Foundation
import GRDB

/// SQL for the `harvestRun` and `harvestWarning` tables.
enum HarvestRunTable {
    static func insert(_ run: HarvestRun, importRun: Int64?, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO harvestRun (node, endpoint, status, startedAt, finishedAt, pages, pagesNotModified,
                    listedCount, insertedCount, updatedCount, unchangedCount, withdrawnCount, failedCount, error, importRun)
                VALUES (?, ?, ?, ?, max(?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.node, run.endpoint, run.status.rawValue, StoredTime.milliseconds(run.startedAt),
                StoredTime.milliseconds(run.finishedAt), StoredTime.milliseconds(run.startedAt), run.pages,
                run.pagesNotModified, run.listed, run.new, run.updated, max(0, run.unchanged), run.withdrawn, run.failed,
                run.error, importRun,
            ])
        return db.lastInsertedRowID
    }

    static func insertWarnings(_ warnings: [HarvestWarning], run: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO harvestWarning (run, position, kind, dataset, property, detail) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, warning) in warnings.enumerated() {
            try statement.execute(arguments: [run, position, warning.kind.rawValue, warning.dataset, warning.property, warning.detail])
        }
    }

    static func fetch(node: String?, limit: Int, in db: Database) throws -> [HarvestRun] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.node, r.endpoint, r.status, r.startedAt, r.finishedAt, r.pages, r.pagesNotModified,
                r.listedCount, r.insertedCount, r.updatedCount, r.unchangedCount, r.withdrawnCount, r.failedCount, r.error,
                (SELECT count(*) FROM harvestWarning w WHERE w.run = r.id)
            FROM harvestRun r WHERE ?1 IS NULL OR r.node = ?1 ORDER BY r.id DESC LIMIT ?2
            """, arguments: [node, limit])
        return rows.map { row in
            HarvestRun(
                id: row[0], node: row[1], endpoint: row[2], status: HarvestRun.Status(rawValue: row[3]) ?? .failed,
                startedAt: StoredTime.date(row[4]), finishedAt: StoredTime.date(row[5]), pages: row[6],
                pagesNotModified: row[7], listed: row[8], new: row[9], updated: row[10], unchanged: row[11],
                withdrawn: row[12], failed: row[13], warningCount: row[15], error: row[14])
        }
    }

    static func warnings(run: Int64, in db: Database) throws -> [HarvestWarning] {
        try Row.fetchAll(
            db, sql: "SELECT kind, dataset, property, detail FROM harvestWarning WHERE run = ? ORDER BY position",
            arguments: [run]
        ).map { row in
            HarvestWarning(HarvestWarning.Kind(rawValue: row[0]) ?? .invalidValue, dataset: row[1], property: row[2], detail: row[3])
        }
    }
}
