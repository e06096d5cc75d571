import CatalogueModel
@testable import CatalogueStore
import Foundation
import GRDB
import Testing

extension CatalogueStoreTests {
    /// A stored JSON column that no longer decodes is reported with the dataset key and column,
    /// by every read path, instead of crashing.
    @Test(arguments: StoreKind.allCases)
    func corruptedJSONYieldsAnErrorNamingTheKey(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let records = RecordFixtures.records("upv", count: 3)
        try store.importRecords(records, node: "upv")
        let key = records[1].key
        try store.writer.write { db in
            try db.execute(
                sql: #"UPDATE dataset SET raw = '{"identifier": 5}' WHERE node = ? AND identifier = ?"#,
                arguments: [key.node, key.id])
        }

        let expected = CatalogueStoreError.corruptRecord(key: key, column: "raw", message: "expected a string at .identifier")
        #expect(throws: expected) { try store.allRecords() }
        #expect(throws: expected) { try store.record(key) }
        #expect(throws: expected) { try store.forEachRecord(batchSize: 2) { _ in } }
        #expect(try store.record(records[0].key) == records[0])
        var normalised = 0
        try store.forEachNormalised { normalised += $0.count }
        #expect(normalised == 3)
    }

    /// Text that is not a JSON object is refused by the schema; text that only looks like one
    /// gets past the schema's cheap check and is reported on read, naming the key.
    @Test(arguments: StoreKind.allCases)
    func invalidJSONTextYieldsAnErrorNamingTheKey(_ kind: StoreKind) throws {
        let fixture = try kind.makeStore()
        defer { fixture.remove() }
        let store = fixture.store
        let record = RecordFixtures.record("upv", "ds-1")
        try store.importRecords([record], node: "upv")
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE dataset SET normalised = 'not json'") }
        }
        try store.writer.write { db in try db.execute(sql: "UPDATE dataset SET normalised = '{oops'") }
        #expect(throws: CatalogueStoreError.corruptRecord(key: record.key, column: "normalised", message: "expected a string at the top level")) {
            try store.forEachNormalised { _ in }
        }
    }

    /// Error descriptions name the path or the dataset key and SQLite's message, never record values.
    @Test func errorDescriptionsNameTheKeyNotTheValues() {
        let key = DatasetKey(node: "upv", id: "ds-1")
        #expect(CatalogueStoreError.corruptRecord(key: key, column: "raw", message: "expected a string at .identifier").description
            == "the stored raw record of dataset upv/ds-1 is unreadable: expected a string at .identifier")
        #expect(CatalogueStoreError.writeFailed(key: key, message: "SQLite error 275: CHECK constraint failed: identifier <> ''").description
            == "cannot write to the catalogue (dataset upv/ds-1): SQLite error 275: CHECK constraint failed: identifier <> ''")
        #expect(CatalogueStoreError.writeFailed(key: nil, message: "SQLite error 13: database or disk is full").description
            == "cannot write to the catalogue: SQLite error 13: database or disk is full")
        #expect(CatalogueStoreError.cannotOpen(path: "data/catalogue.sqlite", message: "it was written by a newer version of the catalogue").description
            == "cannot open the catalogue at data/catalogue.sqlite: it was written by a newer version of the catalogue")
        #expect(CatalogueStoreError.duplicateKey(key).description == "dataset upv/ds-1 appears more than once in one import")
        #expect(CatalogueStoreError.unknownDataset(key).description == "dataset upv/ds-1 is not in the catalogue")
        #expect(CatalogueStoreError.invalidContentHash(key).description == "dataset upv/ds-1 has a content hash that is not a hex SHA-256")
        #expect(CatalogueStoreError.readFailed(message: "SQLite error 11: database disk image is malformed").description
            == "cannot read the catalogue: SQLite error 11: database disk image is malformed")
    }
}
