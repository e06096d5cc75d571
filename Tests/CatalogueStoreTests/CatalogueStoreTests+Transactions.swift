import CatalogueTesting
import CatalogueModel
@testable import CatalogueStore
import Foundation
import GRDB
import Testing

extension CatalogueStoreTests {
    /// When one record of an import is refused, nothing of the import is kept: not the records
    /// before it, not a new node, not an import run, not unmapped values.
    @Test(arguments: StoreKind.allCases)
    func failedImportLeavesEarlierDataIntact(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let earlier = [
            RecordFixtures.record("upv", "ds-1", unmapped: [UnmappedValue(field: "modality", value: "PET/CT")]),
            RecordFixtures.record("upv", "ds-2"),
        ]
        try store.importRecords(earlier, node: "upv")
        let runsBefore = try store.importRuns()

        // An empty identifier violates the dataset table's CHECK constraint.
        let bad = RecordFixtures.record("upv", "")
        let batch = [
            RecordFixtures.record("upv", "ds-1", title: "Would replace", unmapped: []),
            RecordFixtures.record("upv", "ds-3"),
            bad,
        ]
        let error = #expect(throws: CatalogueStoreError.self) { try store.importRecords(batch, node: "upv") }
        guard case .writeFailed(let key, let message) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(key == bad.key)
        #expect(message.contains("CHECK constraint failed"), "\(message)")

        #expect(try store.allRecords() == earlier)
        #expect(try store.importRuns() == runsBefore)
        #expect(try store.unmappedValues().map(\.value) == ["PET/CT"])

        // The same for a node's first import: the node does not appear.
        #expect(throws: CatalogueStoreError.self) {
            try store.importRecords([RecordFixtures.record("new-node", "ok"), RecordFixtures.record("new-node", "")], node: "new-node")
        }
        #expect(try store.nodes().map(\.id) == ["upv"])
    }

    /// A record whose content hash is not a hex SHA-256 is refused before anything is written,
    /// and one of the wrong length would be refused by the schema too.
    @Test(arguments: StoreKind.allCases)
    func recordWithAMalformedContentHashIsRefused(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        var record = RecordFixtures.record("upv", "ds-1")
        for malformed in [String(repeating: "Z", count: 64), record.contentHash.uppercased(), "abc"] {
            record.contentHash = malformed
            #expect(throws: CatalogueStoreError.invalidContentHash(record.key)) {
                try store.importRecords([RecordFixtures.record("upv", "ds-0"), record], node: "upv")
            }
        }
        #expect(try store.datasetCount == 0)
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO node (id, createdAt) VALUES ('upv', 0)")
                try db.execute(sql: "INSERT INTO importRun (node, startedAt, finishedAt, insertedCount, updatedCount, unchangedCount) VALUES ('upv', 0, 0, 0, 0, 0)")
                try db.execute(sql: """
                    INSERT INTO dataset (node, identifier, title, raw, normalised, contentHash, source, importedAt, importRun)
                    VALUES ('upv', 'x', 't', '{}', '{}', 'abc', 's', 0, 1)
                    """)
            }
        }
    }

    /// One store shared by several threads: imports for different nodes and reads interleave
    /// safely, and every import lands whole.
    @Test(arguments: StoreKind.allCases)
    func concurrentImportsAndReadsFromSeveralThreads(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let nodes = (1...4).map { "node-\($0)" }
        let seenCounts = Locked<[Int]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: nodes.count * 2) { index in
            do {
                if index < nodes.count {
                    try store.importRecords(RecordFixtures.records(nodes[index], count: 50), node: nodes[index])
                } else {
                    let counts = try store.nodes().map(\.datasetCount)
                    seenCounts.withLock { $0 += counts }
                }
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        // A read sees whole imports only: 0 or 50 records per node, never part of an import.
        #expect(seenCounts.withLock { $0 }.allSatisfy { $0 == 0 || $0 == 50 })
        #expect(try store.nodes().map(\.id) == nodes)
        #expect(try store.nodes().map(\.datasetCount) == [50, 50, 50, 50])
        #expect(try store.importRuns().count == 4)
    }

    /// The same key twice in one import is refused before anything is written.
    @Test(arguments: StoreKind.allCases)
    func duplicateKeysInOneImportAreRejected(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let record = RecordFixtures.record("upv", "ds-1")
        #expect(throws: CatalogueStoreError.duplicateKey(record.key)) {
            try store.importRecords([record, RecordFixtures.record("upv", "ds-2"), record], node: "upv")
        }
        #expect(try store.datasetCount == 0)
        #expect(try store.nodes().isEmpty)
    }

    /// Re-normalisation replaces normalised records and unmapped values, keeps raw records and
    /// provenance, and reports only the records that changed.
    @Test(arguments: StoreKind.allCases)
    func replaceNormalisedChangesOnlyNormalisedRecords(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let unmapped = [UnmappedValue(field: "cancerType", value: "NSCLC")]
        let records = [
            RecordFixtures.record("upv", "ds-1", unmapped: unmapped),
            RecordFixtures.record("upv", "ds-2", unmapped: unmapped),
        ]
        try store.importRecords(records, node: "upv")

        let remapped = RecordFixtures.normalised(records[0].raw, node: "upv", cancerTypes: ["https://example.org/cancer/nsclc"])
        let changed = try store.replaceNormalised([(records[0].key, remapped), (records[1].key, records[1].normalised)])

        #expect(changed == [records[0].key])
        var expected = records
        expected[0].normalised = remapped
        #expect(try store.allRecords() == expected)
        #expect(try store.unmappedValues().map(\.withoutNodeCounts) == [
            UnmappedValueSummary(field: "cancerType", value: "NSCLC", datasetCount: 1, examples: [records[1].key]),
        ])
    }

    /// Re-normalising a dataset the catalogue does not hold fails and writes none of the batch.
    @Test(arguments: StoreKind.allCases)
    func replaceNormalisedOfAnUnknownDatasetWritesNothing(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let record = RecordFixtures.record("upv", "ds-1")
        try store.importRecords([record], node: "upv")
        var retitled = record.normalised
        retitled.titles = [LangString("Retitled", language: "en")]
        let missing = DatasetKey(node: "upv", id: "missing")

        #expect(throws: CatalogueStoreError.unknownDataset(missing)) {
            try store.replaceNormalised([(record.key, retitled), (missing, NormalisedDataset(id: "missing", node: "upv"))])
        }
        #expect(try store.record(record.key) == record)
    }

    /// The schema enforces its foreign keys: no dataset without its node, no unmapped value
    /// without its dataset, and deleting a dataset deletes its unmapped values.
    @Test(arguments: StoreKind.allCases)
    func foreignKeysAreEnforced(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(
            [RecordFixtures.record("upv", "ds-1", unmapped: [UnmappedValue(field: "bodySite", value: "Thorax?")])],
            node: "upv")

        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO dataset (node, identifier, title, raw, normalised, contentHash, source, importedAt, importRun)
                    SELECT 'no-such-node', 'x', title, raw, normalised, contentHash, source, importedAt, importRun FROM dataset
                    """)
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO unmappedValue VALUES ('upv', 'no-such-dataset', 'bodySite', 'x')")
            }
        }
        try store.writer.write { db in try db.execute(sql: "DELETE FROM dataset") }
        #expect(try store.unmappedValues().isEmpty)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unmappedValue") } == 0)
    }
}
