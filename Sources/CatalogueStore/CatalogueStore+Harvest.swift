import CatalogueModel
import Foundation
import GRDB

extension CatalogueStore {
    /// Stores a harvest run in one transaction: for a complete run its records (upserted as
    /// ``importRecords(_:node:source:)`` does), the withdrawal of records the node no longer
    /// lists, and the page memory; for any run the run itself and its warnings.
    ///
    /// A partial, failed or held run must come with no records and no withdrawal: the node's records
    /// stay exactly as they were. Any failure rolls everything back, the run record included.
    @discardableResult
    public func commitHarvest(_ commit: HarvestCommit) throws -> HarvestCommitResult {
        let node = commit.run.node
        precondition(
            commit.run.status == .complete || (commit.records.isEmpty && commit.listedIdentifiers == nil),
            "a \(commit.run.status) run of \(node) must not write records")
        for record in commit.records {
            precondition(record.key.node == node, "record \(record.key) committed with a run of \(node)")
        }
        try Self.validate(commit.records)
        return try write { db in
            try Self.upsertNode(node, name: commit.nodeName, country: commit.nodeCountry, at: commit.run.startedAt, in: db)
            var summary = ImportSummary(node: node)
            var importRun: Int64?
            var withdrawn: [DatasetKey] = []
            if commit.run.status == .complete {
                var importer = try RecordImporter(db: db, node: node, source: commit.run.endpoint, startedAt: commit.run.startedAt)
                try importer.store(commit.records)
                summary = try importer.finish(at: commit.run.finishedAt)
                importRun = importer.run
                if let listed = commit.listedIdentifiers {
                    withdrawn = try DatasetTable.withdraw(node: node, keeping: listed, in: db)
                }
                if let state = commit.harvestStateJSON {
                    try Self.saveHarvestState(node: node, json: state, at: commit.run.finishedAt, in: db)
                }
            }
            var run = commit.run
            run.new = summary.inserted
            run.updated = summary.updated
            // Records on pages that answered "not modified" were not sent again: unchanged too.
            run.unchanged = run.status == .complete ? summary.unchanged + max(0, run.listed - commit.records.count) : 0
            run.withdrawn = withdrawn.count
            run.warningCount = commit.warnings.count
            run.id = try HarvestRunTable.insert(run, importRun: importRun, in: db)
            try HarvestRunTable.insertWarnings(commit.warnings, run: run.id, in: db)
            if run.status == .held { try HarvestRunTable.insertHeldWithdrawals(commit.heldWithdrawals, run: run.id, in: db) }
            return HarvestCommitResult(run: run, summary: summary, withdrawnKeys: withdrawn)
        }
    }

    /// Past runs, newest first; of one node when `node` is given.
    public func harvestRuns(node: String? = nil, limit: Int = 50) throws -> [HarvestRun] {
        try read { db in try HarvestRunTable.fetch(node: node, limit: limit, in: db) }
    }

    /// The warnings of one run, in the order they were found.
    public func harvestWarnings(run: Int64) throws -> [HarvestWarning] {
        try read { db in try HarvestRunTable.warnings(run: run, in: db) }
    }

    /// The page memory the last complete run of `node` saved, if any.
    public func harvestState(node: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT pages FROM harvestState WHERE node = ?", arguments: [node])
        }
    }

    private static func upsertNode(_ node: String, name: String?, country: String?, at date: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO node (id, name, country, createdAt) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (id) DO UPDATE SET name = coalesce(?2, name), country = coalesce(?3, country)
                """,
            arguments: [node, name, country, StoredTime.milliseconds(date)])
    }

    private static func saveHarvestState(node: String, json: String, at date: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO harvestState (node, pages, savedAt) VALUES (?1, ?2, ?3)
                ON CONFLICT (node) DO UPDATE SET pages = ?2, savedAt = ?3
                """,
            arguments: [node, json, StoredTime.milliseconds(date)])
    }
}
