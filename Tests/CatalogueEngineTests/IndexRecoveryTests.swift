import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import GRDB
import Testing

/// The index never silently lags the store: opening repairs what a crash or a damaged file left,
/// says what it did, and `checkConsistency()` agrees afterwards.
@Suite struct IndexRecoveryTests {
    private func reopen(_ fixture: EngineFixture) throws -> CatalogueService {
        try CatalogueService.open(fixture.catalogue.configuration)
    }

    private var total: Int { 6 }

    @Test func randomBytesInAnIndexFileAreDetectedAndTheIndexIsRebuiltAtOpening() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let index = fixture.catalogue.configuration.indexPath.resolvingSymlinksInPath()
        let files = try FileManager.default.contentsOfDirectory(at: index, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "glass" || file.lastPathComponent.hasPrefix("iamglass") {
            var garbage = Data(count: 4096)
            for position in garbage.indices { garbage[position] = UInt8.random(in: 0...255) }
            try garbage.write(to: file)
        }
        let reopened = try reopen(fixture)
        #expect(reopened.openingNotices.count == 1)
        #expect(reopened.openingNotices.first?.contains("could not be read") == true)
        #expect(try reopened.search(SearchQuery()).total == total)
        #expect(try reopened.checkConsistency().isConsistent)
        // reindex itself works on the damaged home too (it never opens the old index).
        #expect(try reopened.reindex() == total)
    }

    @Test func aMissingIndexIsRebuiltAtOpeningWithAMessage() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let live = fixture.catalogue.configuration.indexPath
        try FileManager.default.removeItem(at: live.resolvingSymlinksInPath())
        try FileManager.default.removeItem(at: live)
        let reopened = try reopen(fixture)
        #expect(reopened.openingNotices == ["the search index was missing; rebuilt it from the catalogue (6 datasets)"])
        #expect(try reopened.search(SearchQuery()).total == total)
    }

    @Test func anIndexOfAnotherCatalogueIsRebuilt() throws {
        let fixture = try EngineFixture()
        let other = try EngineFixture()
        defer { fixture.remove(); other.remove() }
        _ = try other.catalogue.importFiles(
            [try other.write([FixtureDataset(id: "ds-extra", title: "Extra", conditions: ["\"C50\""])], "extra.ttl")],
            node: "extra", format: nil)
        let mine = fixture.catalogue.configuration.indexPath.resolvingSymlinksInPath()
        let theirs = other.catalogue.configuration.indexPath.resolvingSymlinksInPath()
        try FileManager.default.removeItem(at: mine)
        try FileManager.default.copyItem(at: theirs, to: mine)
        let reopened = try reopen(fixture)
        #expect(reopened.openingNotices.first?.contains("belongs to another catalogue") == true)
        #expect(try reopened.search(SearchQuery()).total == total)
    }

    @Test func aKilledRebuildLeavesTheOldIndexInUseAndItsFolderIsRemoved() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let home = fixture.catalogue.configuration.home
        // What a rebuild killed half-way leaves: a generation folder the link does not point to.
        let stray = home.appendingPathComponent("index.killed-build")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stray.appendingPathComponent("postlist.glass"))
        let reopened = try reopen(fixture)
        #expect(reopened.openingNotices.isEmpty)
        #expect(try reopened.search(SearchQuery()).total == total)
        #expect(try reopened.reindex() == total)
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        let generations = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix("index.") }
        #expect(generations.count == 1)
    }

    @Test func reindexSwapsInANewGenerationThatAKeptReaderFollows() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.catalogue.configuration.indexPath.path)
        #expect(try fixture.search().total == total)
        #expect(try fixture.catalogue.reindex() == total)
        let after = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.catalogue.configuration.indexPath.path)
        #expect(before != after)
        #expect(try fixture.search().total == total)
        #expect(try fixture.search("", "node=nl-test").total == 5)
    }

    /// A store commit whose index commit never happened (the process died between the two): the
    /// triggers queued the change, so the next opening applies it.
    @Test func aStoreCommitWithoutItsIndexCommitIsAppliedAtTheNextOpening() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let queue = try DatabaseQueue(path: fixture.catalogue.configuration.storePath.path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM dataset WHERE identifier = 'ds-odd'")
            try db.execute(sql: "UPDATE dataset SET contentHash = ?, normalised = replace(normalised, 'Lung screening CT', 'Lung screening CT renamed') WHERE identifier = 'ds-nsclc' AND node = 'nl-test'", arguments: [String(repeating: "0", count: 64)])
        }
        try queue.close()
        #expect(try !fixture.catalogue.checkConsistency().isConsistent)
        let reopened = try reopen(fixture)
        #expect(reopened.openingNotices == ["the search index lagged the catalogue by 2 datasets (an interrupted write); caught up"])
        #expect(try reopened.search(SearchQuery()).total == total - 1)
        #expect(try reopened.checkConsistency().isConsistent)
    }

    @Test func checkReportsAStoreAndIndexThatAgree() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let report = try fixture.catalogue.checkConsistency()
        #expect(report.isConsistent)
        #expect(report.datasets == total && report.indexDocuments == total && report.pendingIndexChanges == 0)
    }
}
