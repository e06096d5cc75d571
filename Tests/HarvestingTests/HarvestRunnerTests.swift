import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

@Suite struct HarvestRunnerTests {
    static let base = "https://node.example.org"

    private func node(paging: PagingConvention = .hydra, maxPages: Int = 100, protocol harvestProtocol: HarvestProtocol = .dcat, path: String = "/catalogue.ttl") -> NodeConfiguration {
        NodeConfiguration(
            id: "node-a", name: "Node A", country: "ES", endpoint: .remote(URL(string: Self.base + path)!),
            harvestProtocol: harvestProtocol, paging: paging, maxPages: maxPages)
    }

    private func script(_ catalogue: PagedCatalogue) -> [String: [ScriptedFetcher.Answer]] {
        Dictionary(uniqueKeysWithValues: (1...catalogue.pageCount).map { number in
            (Self.base + catalogue.pagePath(number), [.page(catalogue.page(number, baseURL: Self.base), etag: "\"p\(number)\"")])
        })
    }

    @Test func followsHydraNextLinksThroughEveryPage() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(7), pageSize: 3)
        let fetcher = ScriptedFetcher(script(catalogue))
        let outcome = await HarvestRunner(node: node(), fetcher: fetcher).run()
        #expect(outcome.failure == nil)
        #expect(outcome.pages.count == 3)
        #expect(outcome.datasets.map(\.raw.identifier) == (1...7).map { "ds-\($0)" })
        #expect(outcome.datasets[6].source == Self.base + "/catalogue.ttl?page=3")
    }

    @Test func followsLegacyHydraNextPage() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2, legacyHydra: true)
        let outcome = await HarvestRunner(node: node(), fetcher: ScriptedFetcher(script(catalogue))).run()
        #expect(outcome.failure == nil)
        #expect(outcome.datasets.count == 4)
    }

    @Test func reportsProgressWithTheAnnouncedTotal() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        let seen = Locked<[HarvestProgress]>([])
        _ = await HarvestRunner(node: node(), fetcher: ScriptedFetcher(script(catalogue))).run { progress in
            seen.withLock { $0.append(progress) }
        }
        let reports = seen.withLock { $0 }
        #expect(reports.map(\.datasets) == [2, 4, 6])
        #expect(reports.last?.announcedTotal == 6)
        #expect(reports.last?.fraction == 1)
    }

    @Test func stopsOnANextLinkBackToAReadPage() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        var answers = script(catalogue)
        answers[Self.base + catalogue.pagePath(3)] = [.page(catalogue.page(3, baseURL: Self.base, nextPath: catalogue.pagePath(2)))]
        let fetcher = ScriptedFetcher(answers)
        let outcome = await HarvestRunner(node: node(), fetcher: fetcher).run()
        #expect(outcome.failure == .pagingLoop(from: Self.base + "/catalogue.ttl?page=3", to: Self.base + "/catalogue.ttl?page=2"))
        #expect(outcome.failure?.isPartial == true)
        #expect(fetcher.requestedURLs.count == 3)
    }

    @Test func stopsOnAPageWithTheSameContentUnderAnotherURL() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2)
        var answers = script(catalogue)
        // Page 2 links to page 3, which the server answers with page 2's body again.
        answers[Self.base + catalogue.pagePath(2)] = [.page(catalogue.page(2, baseURL: Self.base, nextPath: catalogue.pagePath(3)))]
        answers[Self.base + catalogue.pagePath(3)] = answers[Self.base + catalogue.pagePath(2)]
        let outcome = await HarvestRunner(node: node(), fetcher: ScriptedFetcher(answers)).run()
        #expect(outcome.failure == .pagingLoop(from: Self.base + "/catalogue.ttl?page=3", to: Self.base + "/catalogue.ttl?page=2"))
    }

    @Test func stopsAtThePageLimit() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(10), pageSize: 2)
        let outcome = await HarvestRunner(node: node(maxPages: 3), fetcher: ScriptedFetcher(script(catalogue))).run()
        #expect(outcome.failure == .tooManyPages(limit: 3, next: Self.base + "/catalogue.ttl?page=4"))
    }

    @Test func pageParameterPagingEndsOnAPageWithoutDatasets() async {
        let pages = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2)
        let plain = { (number: Int) -> String in
            FixtureDataset.turtlePrefixes + pages.datasets.dropFirst((number - 1) * 2).prefix(2).map(\.turtle).joined()
        }
        let fetcher = ScriptedFetcher([
            Self.base + "/catalogue.ttl": [.page(plain(1))],
            Self.base + "/catalogue.ttl?page=2": [.page(plain(2))],
            Self.base + "/catalogue.ttl?page=3": [.page(FixtureDataset.turtlePrefixes)],
        ])
        let outcome = await HarvestRunner(node: node(paging: .pageParameter), fetcher: fetcher).run()
        #expect(outcome.failure == nil)
        #expect(outcome.datasets.count == 4)
        #expect(fetcher.requestedURLs.count == 3)
    }

    @Test func aFailedPageFailsTheRunAndNamesThePage() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        var answers = script(catalogue)
        let error = FetchError.httpStatus(url: Self.base + "/catalogue.ttl?page=2", status: 503, attempts: 4)
        answers[Self.base + catalogue.pagePath(2)] = [.failure(error)]
        let outcome = await HarvestRunner(node: node(), fetcher: ScriptedFetcher(answers)).run()
        #expect(outcome.failure == .fetchFailed(error))
        #expect(outcome.failure?.isPartial == false)
        #expect(outcome.pages.last?.status == .failed(error.description))
    }

    @Test func aMalformedPageFailsTheRunWithItsLine() async {
        let fetcher = ScriptedFetcher([Self.base + "/catalogue.ttl": [.page("@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title \"x .\n")]])
        let outcome = await HarvestRunner(node: node(), fetcher: fetcher).run()
        guard case .unreadablePage(let url, let reason)? = outcome.failure else {
            Issue.record("expected an unreadable page, got \(String(describing: outcome.failure))")
            return
        }
        #expect(url == Self.base + "/catalogue.ttl")
        #expect(reason.hasPrefix(url + ":2:"))
    }

    @Test func keepsTheFirstOfADatasetDescribedOnTwoPages() async {
        let first = PagedCatalogue.numbered(2)
        let catalogue = PagedCatalogue(datasets: first + [first[0]], pageSize: 2)
        let outcome = await HarvestRunner(node: node(), fetcher: ScriptedFetcher(script(catalogue))).run()
        #expect(outcome.datasets.map(\.raw.identifier) == ["ds-1", "ds-2"])
        #expect(outcome.warnings.contains { $0.kind == .duplicateDataset && $0.dataset == "ds-1" })
    }

    @Test func aRecordWithoutIdentifierIsReportedAndTheOthersGoIn() async {
        let datasets = [FixtureDataset(id: "good", title: "Good"), FixtureDataset(id: nil, title: "Blank")]
        let fetcher = ScriptedFetcher([Self.base + "/catalogue.ttl": [.page(FixtureDataset.turtlePrefixes + datasets.map(\.turtle).joined())]])
        let outcome = await HarvestRunner(node: node(), fetcher: fetcher).run()
        #expect(outcome.failure == nil)
        #expect(outcome.datasets.map(\.raw.identifier) == ["good"])
        #expect(outcome.failedRecords == 1)
    }

    @Test func walksNotModifiedPagesFromTheLastRunsMemory() async {
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2)
        let fetcher = ScriptedFetcher(script(catalogue))
        let first = await HarvestRunner(node: node(), fetcher: fetcher).run()
        let memory = Dictionary(uniqueKeysWithValues: first.pageStates.map { ($0.url, $0) })
        fetcher.set(Self.base + catalogue.pagePath(1), [.notModified])
        let second = await HarvestRunner(node: node(), fetcher: fetcher, previousStates: memory).run()
        #expect(second.failure == nil)
        #expect(second.carriedIdentifiers == ["ds-1", "ds-2"])
        #expect(second.datasets.map(\.raw.identifier) == ["ds-3", "ds-4"])
        #expect(second.listedIdentifiers == ["ds-1", "ds-2", "ds-3", "ds-4"])
        #expect(fetcher.requests.last { $0.url == Self.base + "/catalogue.ttl" }?.validators?.etag == "\"p1\"")
    }
}
