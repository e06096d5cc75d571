import CatalogueModel
import Foundation
import RDF

/// Runs one harvest of one node: reads every page its protocol leads to, maps each into dataset
/// records, and returns what it found without storing anything.
///
/// Guards: each URL is read once per run; a next link back to a read page, or a page with the same
/// content as an earlier one, is a paging loop; at most `maxPages` pages. A page that cannot be
/// fetched (after the fetcher's retries) or parsed ends the run as failed; one bad record never
/// does (it becomes a warning and the others go on). Pages that answer "not modified" are walked
/// from what the last complete run remembered about them.
public struct HarvestRunner: Sendable {
    public var node: NodeConfiguration
    public var fetcher: any PageFetcher
    public var parser: RDFParser
    public var mapper: DatasetMapper
    /// What the last complete run learnt per page URL.
    public var previousStates: [String: PageState]
    /// Parse and map pages on background threads (``BackgroundThread``): a server's harvest, so
    /// that searches keep the cores they need.
    public var background = false

    public init(
        node: NodeConfiguration, fetcher: any PageFetcher, parser: RDFParser = RDFParser(),
        mapper: DatasetMapper = DatasetMapper(), previousStates: [String: PageState] = [:]
    ) {
        self.node = node
        self.fetcher = fetcher
        self.parser = parser
        self.mapper = mapper
        self.previousStates = previousStates
    }

    public func run(progress: (@Sendable (HarvestProgress) -> Void)? = nil) async -> HarvestOutcome {
        var crawl = Crawl(node: node, startLinks: startLinks(), progress: progress)
        let interpreter: PageInterpreter
        do {
            interpreter = try PageInterpreter(node: node, parser: parser, mapper: mapper)
        } catch {
            return crawl.finish(failure: error)
        }
        while true {
            guard !Task.isCancelled else { return crawl.finish(failure: .cancelled) }
            let batch = crawl.nextBatch(limit: Self.pagesInFlight)
            if let failure = crawl.failure { return crawl.finish(failure: failure) }
            guard !batch.isEmpty else { break }
            // Pages already known (a folder's files, an FDP's datasets) are fetched and parsed
            // side by side; their results are taken in order, so runs stay deterministic.
            for (link, result) in zip(batch, await read(batch, with: interpreter)) {
                if let failure = take(result, for: link, into: &crawl) { return crawl.finish(failure: failure) }
            }
        }
        return crawl.finish(failure: nil)
    }

    /// Pages fetched and parsed at once: enough to hide an FDP's request latency and use every
    /// core on local pages, few enough to bound memory (each page up to its cap).
    static let pagesInFlight = 4

    private enum PageResult: Sendable {
        case read(FetchedPage, InterpretedPage)
        case notModified
        case unreadable(FetchedPage, HarvestError)
        case fetchFailed(FetchError)
    }

    private func read(_ links: [PageLink], with interpreter: PageInterpreter) async -> [PageResult] {
        await withTaskGroup(of: (Int, PageResult).self) { group in
            for (index, link) in links.enumerated() {
                group.addTask { (index, await read(link, with: interpreter)) }
            }
            var results = [PageResult?](repeating: nil, count: links.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0 ?? .fetchFailed(.network(url: "", reason: "not read", attempts: 0)) }
        }
    }

    private func read(_ link: PageLink, with interpreter: PageInterpreter) async -> PageResult {
        let page: FetchedPage
        do {
            page = try await fetcher.fetch(URL(string: link.url) ?? node.endpoint.url, validators: previousStates[link.url]?.validators)
        } catch {
            return .fetchFailed(error)
        }
        if page.notModified { return .notModified }
        let interpret: @Sendable () -> PageResult = {
            do throws(HarvestError) {
                return .read(page, try interpreter.interpret(page, as: link))
            } catch {
                return .unreadable(page, error)
            }
        }
        return background ? await BackgroundThread.run(interpret) : interpret()
    }

    /// Adds one page's result to the crawl; the failure that ends the run, if any.
    private func take(_ result: PageResult, for link: PageLink, into crawl: inout Crawl) -> HarvestError? {
        switch result {
        case .fetchFailed(let error):
            crawl.record(PageReport(url: link.url, status: .failed(error.description), bytes: 0))
            return .fetchFailed(error)
        case .notModified:
            guard let state = previousStates[link.url] else {
                return .unreadablePage(url: link.url, reason: "answered 304 Not Modified to an unconditional request")
            }
            crawl.carry(state)
            return nil
        case .unreadable(let page, let error):
            if let loop = loop(page, link, &crawl) { return loop }
            crawl.record(PageReport(url: link.url, status: .failed(error.description), bytes: page.body.count))
            return error
        case .read(let page, let interpreted):
            if crawl.loopGuard.hasSeen(page.body) {
                return loop(page, link, &crawl)
            }
            _ = crawl.loopGuard.earlierPage(withContentOf: page.body, url: link.url)
            crawl.absorb(interpreted, page: page, link: link)
            return nil
        }
    }

    /// A page whose content an earlier page had: the natural end of `?page=N` paging, else a loop.
    private func loop(_ page: FetchedPage, _ link: PageLink, _ crawl: inout Crawl) -> HarvestError? {
        guard let earlier = crawl.loopGuard.earlierPage(withContentOf: page.body, url: link.url) else { return nil }
        if node.paging == .pageParameter, link.role == .catalogue { return nil }
        return .pagingLoop(from: link.url, to: earlier)
    }

    /// The first pages: the endpoint, or each file of a local folder in name order.
    private func startLinks() -> [PageLink] {
        let role: PageLink.Role = node.harvestProtocol == .fdp ? .fdpRoot : .catalogue
        if case .local(let url) = node.endpoint, let files = LocalFolder.pageFiles(in: url, for: node.harvestProtocol) {
            return files.map { PageLink(url: $0.absoluteString, role: role) }
        }
        return [PageLink(url: node.endpoint.url.absoluteString, role: role)]
    }
}
