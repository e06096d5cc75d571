import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Harvesting
import Testing

/// Harvest runs through the whole pipeline: store, withdrawal, index, and the run record.
@Suite struct HarvestServiceTests {
    static let base = "https://node.example.org"

    private struct Setup {
        let folder: URL
        let catalogue: CatalogueService
        let fetcher: ScriptedFetcher
        let node = NodeConfiguration(
            id: "paged-node", name: "Paged node", country: "FR",
            endpoint: .remote(URL(string: HarvestServiceTests.base + "/catalogue.ttl")!))

        init(_ catalogue: PagedCatalogue) throws {
            folder = try ProjectPaths.temporaryDirectory("harvest")
            self.catalogue = try CatalogueService.open(CatalogueConfiguration(
                home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
            fetcher = ScriptedFetcher([:])
            serve(catalogue)
        }

        func serve(_ catalogue: PagedCatalogue, etags: Bool = true) {
            for number in 1...catalogue.pageCount {
                fetcher.set(base + catalogue.pagePath(number), [.page(catalogue.page(number, baseURL: base), etag: etags ? "\"\(number)-\(catalogue.datasets.count)\"" : nil)])
            }
        }

        var base: String { HarvestServiceTests.base }

        func harvest() async throws -> HarvestReport { try await catalogue.harvest(node, fetcher: fetcher) }

        func identifiers() throws -> [String] {
            try catalogue.datasets().filter { $0.node == node.id }.map(\.id).sorted()
        }

        func searchTotal() throws -> Int {
            try catalogue.search(SearchQuery(text: "", filters: ["node=\(node.id)"])).total
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func aCompleteRunStoresIndexesAndRecordsItself() async throws {
        let setup = try Setup(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 4))
        defer { setup.remove() }
        let report = try await setup.harvest()
        #expect(report.run.status == .complete)
        #expect(report.run.pages == 2 && report.run.listed == 6 && report.run.new == 6 && report.run.withdrawn == 0)
        #expect(try setup.identifiers().count == 6)
        #expect(try setup.searchTotal() == 6)
        let runs = try setup.catalogue.harvestRuns(node: "paged-node")
        #expect(runs.map(\.id) == [report.run.id])
    }

    @Test func aSecondRunOfTheSameContentChangesNothing() async throws {
        let setup = try Setup(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 4))
        defer { setup.remove() }
        _ = try await setup.harvest()
        setup.serve(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 4), etags: false)
        let report = try await setup.harvest()
        #expect(report.run.new == 0 && report.run.updated == 0 && report.run.unchanged == 6)
    }

    @Test func unchangedPagesAnsweredNotModifiedCountAsUnchanged() async throws {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 4)
        let setup = try Setup(catalogue)
        defer { setup.remove() }
        _ = try await setup.harvest()
        setup.fetcher.set(setup.base + catalogue.pagePath(1), [.notModified])
        let report = try await setup.harvest()
        #expect(report.run.status == .complete)
        #expect(report.run.pagesNotModified == 1)
        #expect(report.run.unchanged == 6 && report.run.withdrawn == 0)
        #expect(try setup.identifiers().count == 6)
    }

    @Test func datasetsTheNodeNoLongerListsAreWithdrawnAfterACompleteRun() async throws {
        let setup = try Setup(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 4))
        defer { setup.remove() }
        _ = try await setup.harvest()
        setup.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(6).prefix(3)), pageSize: 4))
        let report = try await setup.harvest()
        #expect(report.run.withdrawn == 3 && report.run.unchanged == 3)
        #expect(try setup.identifiers() == ["ds-1", "ds-2", "ds-3"])
        #expect(try setup.searchTotal() == 3)
    }

    @Test func aFailedRunLeavesTheNodesRecordsExactlyAsTheyWere() async throws {
        let setup = try Setup(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2))
        defer { setup.remove() }
        _ = try await setup.harvest()
        let before = try setup.catalogue.datasets()
        // The node drops half its datasets and changes a title, but its third page fails.
        var changed = PagedCatalogue.numbered(3)
        changed[0].title = "Renamed"
        setup.serve(PagedCatalogue(datasets: changed, pageSize: 2))
        setup.fetcher.set(setup.base + "/catalogue.ttl?page=2", [.failure(.httpStatus(url: setup.base + "/catalogue.ttl?page=2", status: 500, attempts: 4))])
        let report = try await setup.harvest()
        #expect(report.run.status == .failed)
        #expect(report.run.error?.contains("HTTP 500") == true)
        #expect(report.run.new == 0 && report.run.withdrawn == 0)
        #expect(try setup.catalogue.datasets() == before)
        #expect(try setup.searchTotal() == 6)
        #expect(try setup.catalogue.harvestRuns(node: "paged-node").map(\.status) == [.failed, .complete])
    }

    @Test func aPagingLoopIsRecordedAsPartialAndWritesNothing() async throws {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        let setup = try Setup(catalogue)
        defer { setup.remove() }
        setup.fetcher.set(setup.base + catalogue.pagePath(2), [.page(catalogue.page(2, baseURL: setup.base, nextPath: catalogue.pagePath(1)))])
        let report = try await setup.harvest()
        #expect(report.run.status == .partial)
        #expect(report.run.error?.contains("paging loop") == true)
        #expect(try setup.identifiers().isEmpty)
    }

    @Test func recordWarningsAreStoredWithTheRun() async throws {
        var datasets = PagedCatalogue.numbered(2)
        datasets.append(FixtureDataset(id: nil, title: "No identifier"))
        datasets[0].modified = "06/05/2009"
        let setup = try Setup(PagedCatalogue(datasets: datasets, pageSize: 10))
        defer { setup.remove() }
        let report = try await setup.harvest()
        #expect(report.run.failed == 1 && report.run.new == 2)
        let stored = try setup.catalogue.harvestWarnings(run: report.run.id)
        #expect(stored == report.warnings)
        #expect(stored.contains { $0.kind == .invalidDate && $0.dataset == "ds-1" })
        #expect(stored.contains { $0.kind == .unusableDataset })
    }
}
