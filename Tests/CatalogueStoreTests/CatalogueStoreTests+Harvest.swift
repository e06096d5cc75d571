import CatalogueModel
@testable import CatalogueStore
import Foundation
import GRDB
import Testing

extension CatalogueStoreTests {
    private func run(_ node: String, _ status: HarvestRun.Status, listed: Int = 0, error: String? = nil) -> HarvestRun {
        HarvestRun(
            node: node, endpoint: "https://node.example.org/catalogue.ttl", status: status,
            startedAt: RecordFixtures.importedAt, finishedAt: RecordFixtures.importedAt.addingTimeInterval(2),
            pages: 3, listed: listed, error: error)
    }

    @Test(arguments: StoreKind.allCases)
    func aCompleteHarvestUpsertsWithdrawsAndRecordsTheRunTogether(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(RecordFixtures.records("n", count: 4), node: "n")
        let kept = Array(RecordFixtures.records("n", count: 2)) + [RecordFixtures.record("n", "new-1")]
        let warning = HarvestWarning(.invalidDate, dataset: "ds-001", property: "dct:modified", detail: "kept as given")
        let result = try store.commitHarvest(HarvestCommit(
            run: run("n", .complete, listed: 3), warnings: [warning], records: kept,
            listedIdentifiers: Set(kept.map(\.key.id)), harvestStateJSON: "[]", nodeName: "Node N", nodeCountry: "FR"))
        #expect(result.withdrawnKeys == [DatasetKey(node: "n", id: "ds-003"), DatasetKey(node: "n", id: "ds-004")])
        #expect(result.run.new == 1 && result.run.unchanged == 2 && result.run.withdrawn == 2 && result.run.warningCount == 1)
        #expect(try store.allRecords().map(\.key.id) == ["ds-001", "ds-002", "new-1"])
        #expect(try store.harvestRuns(node: "n") == [result.run])
        #expect(try store.harvestWarnings(run: result.run.id) == [warning])
        #expect(try store.harvestState(node: "n") == "[]")
        #expect(try store.nodes().first?.name == "Node N")
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedHarvestIsRecordedAndChangesNoRecord(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(RecordFixtures.records("n", count: 2), node: "n")
        let before = try store.allRecords()
        let result = try store.commitHarvest(HarvestCommit(run: run("n", .failed, error: "page 2: HTTP 500"), warnings: []))
        #expect(try store.allRecords() == before)
        #expect(result.run.status == .failed && result.run.error == "page 2: HTTP 500")
        #expect(try store.harvestRuns().map(\.status) == [.failed])
        #expect(try store.harvestState(node: "n") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func aHarvestThatCannotBeWrittenLeavesNoTrace(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(RecordFixtures.records("n", count: 2), node: "n")
        let before = try store.allRecords()
        var bad = RecordFixtures.record("n", "ds-009")
        bad.contentHash = String(repeating: "z", count: 64)
        #expect(throws: CatalogueStoreError.self) {
            try store.commitHarvest(HarvestCommit(
                run: run("n", .complete, listed: 1), warnings: [], records: [bad], listedIdentifiers: ["ds-009"]))
        }
        #expect(try store.allRecords() == before)
        #expect(try store.harvestRuns().isEmpty)
    }

    @Test func upgradesAVersion1CatalogueKeepingItsRecords() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: folder.databasePath).deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: folder.databasePath)
            try CatalogueSchema.migrator.migrate(queue, upTo: "v1-create-unmappedValue")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO node (id, name, createdAt) VALUES ('old', 'Old node', 1)")
            }
        }
        let store = try CatalogueStore(path: folder.databasePath)
        try store.importRecords(RecordFixtures.records("old", count: 1), node: "old")
        #expect(try store.nodes().map(\.name) == ["Old node"])
        #expect(try store.harvestRuns().isEmpty)
    }
}
