import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One writer per catalogue home, across processes and within one.
@Suite struct WriterLockTests {
    static let base = "https://w3id.org/imaging-catalogue/vocab/"
    let curator = CatalogueService.ChangeAuthor(name: "tester", reason: "lock test")

    private func configuration(_ fixture: EngineFixture, timeout: Duration) -> CatalogueConfiguration {
        var configuration = fixture.catalogue.configuration
        configuration.lockTimeout = timeout
        return configuration
    }

    /// Holds the writer lock as another process would, writing who it is.
    private func holdLock(_ home: URL, as operation: String) throws -> Int32 {
        let fd = open(home.appendingPathComponent("writer.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let line = "4242\t\(Date().timeIntervalSince1970)\t\(operation)\n"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
        return fd
    }

    @Test func aSecondWriterWaitsThenFailsNamingTheHolderAndChangesNothing() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let writer = try CatalogueService.open(configuration(fixture, timeout: .milliseconds(300)))
        let fd = try holdLock(fixture.catalogue.configuration.home, as: "harvest of node es-upv")
        defer { close(fd) }
        let file = try fixture.write([FixtureDataset(id: "ds-new", title: "New", conditions: ["\"C50\""])], "new.ttl")
        let started = Date()
        #expect {
            try writer.importFiles([file], node: "nl-test", format: nil)
        } throws: { error in
            guard case CatalogueEngineError.catalogueBusy(let holder, _) = error else { return false }
            return holder.contains("harvest of node es-upv") && holder.contains("pid 4242")
                && String(describing: error).contains("nothing was changed")
        }
        #expect(Date().timeIntervalSince(started) >= 0.25)
        #expect(try writer.datasets().count == 6)
    }

    @Test func aReaderOpensAndSearchesWhileAWriterHoldsTheLock() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let fd = try holdLock(fixture.catalogue.configuration.home, as: "reindex")
        defer { close(fd) }
        let reader = try CatalogueService.open(configuration(fixture, timeout: .milliseconds(100)))
        #expect(try reader.search(SearchQuery()).total == 6)
    }

    @Test func aLockHeldByAKilledProcessIsFree() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [fixture.catalogue.configuration.home.appendingPathComponent("writer.lock").path, "sleep", "30"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.3)
        let blocked = try CatalogueService.open(configuration(fixture, timeout: .milliseconds(200)))
        #expect(throws: CatalogueEngineError.self) { try blocked.reindex() }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try blocked.reindex() == 6)
    }

    /// A writer that opened the catalogue before another process's vocabulary edit normalises
    /// with that edit: the lost update seen when an import committed after a `vocab map`.
    @Test func anImportAfterAnotherWritersEditNormalisesWithTheEdit() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let importer = try CatalogueService.open(fixture.catalogue.configuration)
        let curatorSide = try CatalogueService.open(fixture.catalogue.configuration)
        try curatorSide.applyVocabularyEdit(.mapValue(value: "Gliobastoma", concept: Self.base + "cancer-type/glioblastoma"), by: curator)
        let file = try fixture.write([FixtureDataset(id: "ds-late", title: "Late arrival", conditions: ["\"Gliobastoma\""])], "late.ttl")
        _ = try importer.importFiles([file], node: "nl-test", format: nil)
        let late = try #require(try importer.datasets().first { $0.id == "ds-late" })
        #expect(late.cancerTypes.map(\.concept) == [Self.base + "cancer-type/glioblastoma"])
        let odd = try #require(try importer.datasets().first { $0.id == "ds-odd" })
        #expect(odd.cancerTypes.map(\.concept) == [Self.base + "cancer-type/glioblastoma"])
        #expect(try importer.search(SearchQuery(filters: ["cancerType=\(Self.base)cancer-type/glioblastoma"])).total == 2)
    }
}
