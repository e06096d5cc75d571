import CatalogueModel
@testable import CatalogueStore
import Foundation
import GRDB
import Testing

extension CatalogueStoreTests {
    /// `records(_:)` returns records in the order of the keys it is given (a search ranking),
    /// skips keys the catalogue does not hold and repeats a key given twice.
    @Test(arguments: StoreKind.allCases)
    func recordsPreservesTheOrderOfTheGivenKeys(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let upv = RecordFixtures.records("upv", count: 3)
        let ub = RecordFixtures.records("ub", count: 2)
        try store.importRecords(upv, node: "upv")
        try store.importRecords(ub, node: "ub")

        let keys = [upv[2].key, ub[0].key, DatasetKey(node: "upv", id: "missing"), upv[0].key, ub[0].key]
        #expect(try store.records(keys) == [upv[2], ub[0], upv[0], ub[0]])
        #expect(try store.records([]).isEmpty)
        #expect(try store.record(DatasetKey(node: "ub", id: "ds-001")) == ub[0])
        #expect(try store.record(DatasetKey(node: "nowhere", id: "ds-001")) == nil)
        #expect(try store.allRecords() == ub + upv)
    }

    /// Raw and normalised records come back exactly as stored: every language tag and script,
    /// quotes and newlines, IRIs and typed literals, absent optionals, and a non-finite number.
    @Test(arguments: StoreKind.allCases)
    func rawAndNormalisedRecordsRoundTripThroughJSON(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let raw = RecordFixtures.fullRaw("ds-ü/1?x=\"y\"")
        let full = CatalogueRecord(
            raw: raw, normalised: RecordFixtures.fullNormalised(raw, node: "upv"),
            source: "https://upv.example.org/dcat?page=2", importedAt: Date(timeIntervalSince1970: 1_731_000_000.5))
        let sparseRaw = RawDataset(identifier: "bare")
        let sparse = CatalogueRecord(
            raw: sparseRaw, normalised: NormalisedDataset(id: "bare", node: "upv"), source: "bare.ttl",
            importedAt: RecordFixtures.importedAt)
        try store.importRecords([full, sparse], node: "upv")

        let stored = try store.records([full.key, sparse.key])
        #expect(stored == [full, sparse])
        #expect(stored[0].raw.titles.map(\.language) == ["it", "de-de", nil, "es"])
        #expect(stored[0].raw.maxTypicalAge == .infinity)
        #expect(stored[0].raw.iri == nil)
        #expect(stored[0].raw.distributions[0].format == .literal("DICOM", language: nil, datatype: "http://www.w3.org/2001/XMLSchema#string"))
        #expect(stored[0].normalised.cancerTypes[1] == ConceptMapping(
            concept: "https://example.org/cancer/nsclc", value: "Breast Ca; 254637007", method: .split, matched: "254637007", via: "a note"))
        #expect(stored[0].importedAt == Date(timeIntervalSince1970: 1_731_000_000.5))
        #expect(stored[1].raw.publisher == nil && stored[1].normalised.subjects == nil)
    }

    /// `forEachRecord` visits every record once, in key order, in batches of the given size (the
    /// last one shorter, never an empty one), and stops at an error thrown by its body.
    @Test(arguments: StoreKind.allCases)
    func forEachRecordVisitsEveryRecordInKeyOrderInBatches(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let b = RecordFixtures.records("node-b", count: 13)
        let a = RecordFixtures.records("node-a", count: 12)
        try store.importRecords(b, node: "node-b")
        try store.importRecords(a, node: "node-a")

        var sizes: [Int] = []
        var visited: [CatalogueRecord] = []
        try store.forEachRecord(batchSize: 10) { batch in
            sizes.append(batch.count)
            visited += batch
        }
        #expect(sizes == [10, 10, 5])
        #expect(visited == a + b)

        var normalisedSizes: [Int] = []
        var normalised: [NormalisedDataset] = []
        try store.forEachNormalised(batchSize: 5) { batch in
            normalisedSizes.append(batch.count)
            normalised += batch
        }
        #expect(normalisedSizes == [5, 5, 5, 5, 5])
        #expect(normalised == (a + b).map(\.normalised))

        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try store.forEachRecord(batchSize: 4) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }

    /// An empty catalogue calls the batch body never, and counts zero.
    @Test(arguments: StoreKind.allCases)
    func emptyCatalogueHasNoRecordsAndNoBatches(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        var calls = 0
        try store.forEachRecord { _ in calls += 1 }
        #expect(calls == 0)
        #expect(try store.datasetCount == 0)
        #expect(try store.allRecords().isEmpty)
        #expect(try store.nodes().isEmpty)
        #expect(try store.unmappedValues().isEmpty)
    }

    /// Unmapped values are replaced together with their dataset and aggregated for curators:
    /// most frequent first, with the number of datasets and a few example keys in key order.
    @Test(arguments: StoreKind.allCases)
    func unmappedValuesAreReplacedWithTheirDatasetAndAggregated(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let petCT = UnmappedValue(field: "modality", value: "PET/CT")
        let breastCa = UnmappedValue(field: "cancerType", value: "Breast Ca")
        let pelvis = UnmappedValue(field: "bodySite", value: "Pelvis^Masculin")
        try store.importRecords([
            RecordFixtures.record("upv", "ds-1", unmapped: [petCT, breastCa]),
            RecordFixtures.record("upv", "ds-2", unmapped: [petCT, petCT]),
        ], node: "upv")
        try store.importRecords([
            RecordFixtures.record("ub", "ds-9", unmapped: [petCT]),
            RecordFixtures.record("ub", "ds-3", unmapped: [pelvis]),
        ], node: "ub")

        #expect(try store.unmappedValues(examplesPerValue: 2).map(\.withoutNodeCounts) == [
            UnmappedValueSummary(field: "modality", value: "PET/CT", datasetCount: 3, examples: [
                DatasetKey(node: "ub", id: "ds-9"), DatasetKey(node: "upv", id: "ds-1"),
            ]),
            UnmappedValueSummary(field: "bodySite", value: "Pelvis^Masculin", datasetCount: 1, examples: [DatasetKey(node: "ub", id: "ds-3")]),
            UnmappedValueSummary(field: "cancerType", value: "Breast Ca", datasetCount: 1, examples: [DatasetKey(node: "upv", id: "ds-1")]),
        ])
        #expect(try store.unmappedValues().first?.nodes == ["ub": 1, "upv": 2])

        // ds-1 changes: its unmapped values go with its old content; ds-2 keeps its own.
        try store.importRecords([RecordFixtures.record("upv", "ds-1", title: "Revised", unmapped: [pelvis])], node: "upv")
        let summaries = try store.unmappedValues(examplesPerValue: 0)
        #expect(summaries.map { "\($0.field)=\($0.value):\($0.datasetCount)" } == [
            "bodySite=Pelvis^Masculin:2", "modality=PET/CT:2",
        ])
        #expect(summaries.allSatisfy { $0.examples.isEmpty })
    }
}

extension UnmappedValueSummary {
    /// The summary without its per-node counts, for tests about the other fields.
    var withoutNodeCounts: UnmappedValueSummary {
        UnmappedValueSummary(field: field, value: value, datasetCount: datasetCount, examples: examples)
    }
}
