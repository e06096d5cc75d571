import CatalogueModel
@testable import CatalogueStore
import Foundation
import GRDB
import Testing

/// The catalogue store, run against both backends (`StoreKind`): opening and migrating here;
/// importing, reading and failures in the `CatalogueStoreTests+…` files.
///
/// These are unit tests over a real SQLite: every assertion reads back what SQLite holds.
@Suite struct CatalogueStoreTests {
    /// Migrations create the four tables with their constraints, under their stable names.
    @Test(arguments: StoreKind.allCases)
    func migrationsCreateTheSchema(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.writer.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            #expect(tables == [
                "apiToken", "catalogueIdentity", "dataset", "grdb_migrations", "harvestRun", "harvestState", "harvestWarning",
                "heldWithdrawal", "importRun", "indexOutbox", "node", "normalisationKey", "normalisationProbe",
                "subject", "subjectImport", "subjectRevision", "subjectUnmappedValue",
                "unmappedValue", "vocabularyChange", "vocabularyConcept",
            ])
            #expect(try CatalogueSchema.migrator.appliedMigrations(db) == [
                "v1-create-node", "v1-create-importRun", "v1-create-dataset", "v1-create-unmappedValue",
                "v2-node-country", "v2-create-harvestRun", "v2-create-harvestWarning", "v2-create-harvestState",
                "v3-create-vocabulary", "v3-create-normalisationProbe", "v4-create-catalogueIdentity",
                "v4-create-indexOutbox", "v4-harvestRun-held", "v5-create-apiToken",
                "v6-create-subject", "v6-create-subjectImport",
            ])
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            let datasetColumns = try db.columns(in: "dataset").map { "\($0.name):\($0.isNotNull)" }
            #expect(datasetColumns == [
                "id:false", "node:true", "identifier:true", "iri:false", "title:true", "raw:true",
                "normalised:true", "contentHash:true", "source:true", "importedAt:true", "importRun:true",
            ])
            #expect(try db.foreignKeys(on: "unmappedValue").map(\.destinationTable) == ["dataset"])
        }
    }

    /// A file-backed store uses WAL, so readers never wait for an import.
    @Test func fileStoreUsesWriteAheadLogging() throws {
        let fixture = try StoreKind.file.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let mode = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    /// Opening a path creates its missing folders; re-opening the file finds the records and
    /// applies no migration twice.
    @Test func reopeningAnExistingFileKeepsItsRecords() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let records = RecordFixtures.records("upv", count: 3)
        do {
            let store = try CatalogueStore(path: folder.databasePath)
            try store.importRecords(records, node: "upv")
        }
        #expect(FileManager.default.fileExists(atPath: folder.databasePath))
        let reopened = try CatalogueStore(path: folder.databasePath)
        #expect(try reopened.allRecords() == records)
        let applied = try reopened.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") }
        #expect(applied == CatalogueSchema.migrations.count)
        #expect(reopened.path == folder.databasePath)
    }

    /// A database migrated by a newer catalogue is refused rather than written with an older schema.
    @Test func refusesADatabaseWrittenByANewerVersion() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let store = try CatalogueStore(path: folder.databasePath)
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
        }
        #expect(throws: CatalogueStoreError.cannotOpen(
            path: folder.databasePath, message: "it was written by a newer version of the catalogue")
        ) {
            try CatalogueStore(path: folder.databasePath)
        }
    }

    /// A path whose folder cannot be created fails with the path in the error, not a crash.
    @Test func openingUnderAFileFailsWithThePath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let blocker = folder.url.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("catalogue.sqlite").path
        let error = #expect(throws: CatalogueStoreError.self) { try CatalogueStore(path: path) }
        guard case .cannotOpen(let reported, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
    }

    /// The store's reads on the import and search paths seek the `(node, identifier)` index:
    /// no table scan, no sort, whatever the catalogue's size.
    @Test func readsUseTheDatasetIndex() throws {
        let fixture = try StoreKind.inMemory.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let statements = [
            DatasetTable.recordSQL, DatasetTable.contentHashesSQL,
            DatasetTable.pageSQL(DatasetTable.recordColumns, afterKey: false),
            DatasetTable.pageSQL(DatasetTable.recordColumns, afterKey: true),
        ]
        let plans = try store.writer.read { db in
            try statements.map { sql in
                let nulls = StatementArguments(Array(repeating: DatabaseValue.null, count: sql.filter { $0 == "?" }.count))
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: nulls)
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        for plan in plans {
            #expect(plan.contains("USING INDEX sqlite_autoindex_dataset_1"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
    }
}
