import CatalogueModel
@testable import CatalogueStore
import Crypto
import Foundation
import GRDB
import Testing

extension CatalogueStoreTests {
    /// Re-importing a node replaces its records with the same identifiers, inserts its new ones and
    /// leaves its other records and every other node's records (even with the same id) untouched.
    @Test(arguments: StoreKind.allCases)
    func importReplacesOnlyTheSameNodesRecordsWithTheSameIds(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let a1 = RecordFixtures.record("node-a", "ds-1", title: "First")
        let a2 = RecordFixtures.record("node-a", "ds-2", title: "Second")
        let b1 = RecordFixtures.record("node-b", "ds-1", title: "Other node, same id")
        try store.importRecords([a1, a2], node: "node-a")
        try store.importRecords([b1], node: "node-b")

        let a1Changed = RecordFixtures.record("node-a", "ds-1", title: "First, revised", source: "second.ttl")
        let a3 = RecordFixtures.record("node-a", "ds-3", title: "Third")
        let summary = try store.importRecords([a3, a1Changed], node: "node-a")

        #expect(summary.insertedKeys == [a3.key])
        #expect(summary.updatedKeys == [a1.key])
        #expect(summary.unchangedKeys.isEmpty)
        #expect((summary.inserted, summary.updated, summary.unchanged) == (1, 1, 0))
        #expect(try store.allRecords() == [a1Changed, a2, a3, b1])
        #expect(try store.record(a1.key)?.normalised.title == "First, revised")
        #expect(try store.record(b1.key)?.normalised.title == "Other node, same id")
        #expect(try store.datasetCount == 4)
    }

    /// A record whose raw content is unchanged counts as unchanged and keeps the provenance of
    /// the import that first stored it.
    @Test(arguments: StoreKind.allCases)
    func unchangedContentHashCountsAsUnchangedAndKeepsProvenance(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let first = RecordFixtures.record("upv", "ds-1", source: "first.ttl")
        try store.importRecords([first], node: "upv")

        let again = RecordFixtures.record(
            "upv", "ds-1", source: "second.ttl", importedAt: RecordFixtures.importedAt.addingTimeInterval(3_600))
        #expect(again.contentHash == first.contentHash)
        let summary = try store.importRecords([again], node: "upv")

        #expect(summary.unchangedKeys == [first.key])
        #expect(summary.insertedKeys.isEmpty && summary.updatedKeys.isEmpty && summary.renormalisedKeys.isEmpty)
        #expect(summary.changedKeys.isEmpty)
        let stored = try #require(try store.record(first.key))
        #expect(stored.source == "first.ttl")
        #expect(stored.importedAt == RecordFixtures.importedAt)
        #expect(stored == first)
    }

    /// An unchanged raw record with a different normalised record (the vocabulary changed) keeps
    /// its raw record and provenance but gets the new normalised record and unmapped values.
    @Test(arguments: StoreKind.allCases)
    func unchangedRawRecordStillGetsItsNewNormalisedRecord(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let first = RecordFixtures.record(
            "upv", "ds-1", unmapped: [UnmappedValue(field: "cancerType", value: "NSCLC")], source: "first.ttl")
        try store.importRecords([first], node: "upv")

        let raw = first.raw
        let mapped = RecordFixtures.normalised(raw, node: "upv", cancerTypes: ["https://example.org/cancer/nsclc"])
        let again = CatalogueRecord(raw: raw, normalised: mapped, source: "second.ttl", importedAt: Date())
        let summary = try store.importRecords([again], node: "upv")

        #expect(summary.unchangedKeys == [first.key])
        #expect(summary.renormalisedKeys == [first.key])
        #expect(summary.changedKeys == [first.key])
        let stored = try #require(try store.record(first.key))
        #expect(stored.normalised == mapped)
        #expect(stored.raw == raw)
        #expect(stored.source == "first.ttl")
        #expect(stored.importedAt == RecordFixtures.importedAt)
        #expect(try store.unmappedValues().isEmpty)
    }

    /// A batch large enough to be encoded on several threads, mixing new, changed and unchanged
    /// records, is stored exactly and summarised in input order.
    @Test(arguments: StoreKind.allCases)
    func largeMixedBatchIsStoredExactly(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let first = RecordFixtures.records("upv", count: 200)
        try store.importRecords(first, node: "upv")

        let changed = first[0..<100].map { RecordFixtures.record("upv", $0.key.id, title: "Revised \($0.key.id)") }
        let unchanged = Array(first[100..<200])
        let new = RecordFixtures.records("upv", count: 100, prefix: "new")
        let batch = zip(zip(new, changed), unchanged).flatMap { [$0.0, $0.1, $1] }
        let summary = try store.importRecords(batch, node: "upv")

        #expect(summary.insertedKeys == new.map(\.key))
        #expect(summary.updatedKeys == changed.map(\.key))
        #expect(summary.unchangedKeys == unchanged.map(\.key))
        #expect(try store.allRecords() == (changed + unchanged + new).sorted { $0.key < $1.key })
    }

    /// Withdrawing after a complete harvest removes only that node's records it no longer sends,
    /// with their unmapped values, and reports them.
    @Test(arguments: StoreKind.allCases)
    func withdrawRemovesOnlyTheNodesRecordsNotKept(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let unmapped = [UnmappedValue(field: "modality", value: "PET/CT")]
        let upv = [
            RecordFixtures.record("upv", "a"), RecordFixtures.record("upv", "b", unmapped: unmapped),
            RecordFixtures.record("upv", "c"),
        ]
        let ub = RecordFixtures.record("ub", "b", unmapped: unmapped)
        try store.importRecords(upv, node: "upv")
        try store.importRecords([ub], node: "ub")

        let withdrawn = try store.withdrawRecords(node: "upv", keeping: ["a", "not-stored"])
        #expect(withdrawn == [DatasetKey(node: "upv", id: "b"), DatasetKey(node: "upv", id: "c")])
        #expect(try store.allRecords() == [ub, upv[0]])
        #expect(try store.unmappedValues().map(\.withoutNodeCounts) == [
            UnmappedValueSummary(field: "modality", value: "PET/CT", datasetCount: 1, examples: [ub.key]),
        ])
        #expect(try store.withdrawRecords(node: "upv", keeping: ["a"]).isEmpty)
        #expect(try store.nodes().map(\.id) == ["ub", "upv"])
    }

    /// The content hash is the SHA-256 of exactly the raw JSON stored, and it changes with the content.
    @Test(arguments: StoreKind.allCases)
    func contentHashIsTheSHA256OfTheStoredRawJSON(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let record = RecordFixtures.record("upv", "ds-1")
        try store.importRecords([record], node: "upv")
        let rawJSON = try #require(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT raw FROM dataset") })

        #expect(record.contentHash.count == 64)
        #expect(record.contentHash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(record.contentHash == CatalogueRecord.contentHash(of: record.raw))
        #expect(sha256Hex(rawJSON) == record.contentHash)
        #expect(rawJSON.hasPrefix(#"{"bodyParts":[],"conditions":"#), "keys are sorted")
        #expect(rawJSON.contains("https://node.example.org/dataset/ds-1"), "slashes are not escaped")

        var changed = record.raw
        changed.keywords = [LangString("lung")]
        #expect(CatalogueRecord.contentHash(of: changed) != record.contentHash)
        #expect(CatalogueRecord.contentHash(of: RecordFixtures.raw("ds-1")) == record.contentHash)
    }

    /// Import runs are recorded with their node, source and counts; the records' common source
    /// stands in when no source is given.
    @Test(arguments: StoreKind.allCases)
    func importRunsRecordEachImport(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(RecordFixtures.records("upv", count: 2), node: "upv", source: "https://upv.example.org/dcat")
        try store.importRecords(RecordFixtures.records("upv", count: 3), node: "upv")
        try store.importRecords([RecordFixtures.record("ub", "x", source: "a.ttl"), RecordFixtures.record("ub", "y", source: "b.ttl")], node: "ub")

        let runs = try store.importRuns()
        #expect(runs.map(\.node) == ["upv", "upv", "ub"])
        #expect(runs.map(\.source) == ["https://upv.example.org/dcat", "node.ttl", nil])
        #expect(runs.map { [$0.inserted, $0.updated, $0.unchanged] } == [[2, 0, 0], [1, 0, 2], [2, 0, 0]])
        #expect(runs.allSatisfy { $0.finishedAt >= $0.startedAt })
        #expect(runs.map(\.id) == runs.map(\.id).sorted())
        #expect(try store.importRuns(node: "ub").map(\.id) == [runs[2].id])
        let lastRun = try store.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT importRun FROM dataset WHERE node = 'upv' AND identifier = 'ds-003'")
        }
        #expect(lastRun == runs[1].id)
    }

    /// Nodes are created by their first import (also an empty one), listed with their dataset
    /// counts, and can be given a display name.
    @Test(arguments: StoreKind.allCases)
    func nodesListsEveryNodeWithItsDatasetCount(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        try store.importRecords(RecordFixtures.records("upv", count: 3), node: "upv")
        try store.importRecords([], node: "empty-node")
        try store.registerNode("upv", name: "Universitat Politècnica de València")
        try store.registerNode("future", name: nil)

        let nodes = try store.nodes()
        #expect(nodes.map(\.id) == ["empty-node", "future", "upv"])
        #expect(nodes.map(\.datasetCount) == [0, 0, 3])
        #expect(nodes.map(\.name) == [nil, nil, "Universitat Politècnica de València"])
        try store.registerNode("upv", name: nil)
        #expect(try store.nodes().last?.name == nil)
    }
}

/// Hex SHA-256 of a string's UTF-8 bytes, computed here independently of the store's helper.
func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { byte in
        let hex = String(byte, radix: 16)
        return hex.count == 1 ? "0" + hex : hex
    }.joined()
}
