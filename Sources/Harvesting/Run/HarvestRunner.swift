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
        while let link = crawl.nextLink() {
            guard !Task.isCancelled else { return crawl.finish(failure: .cancelled) }
            guard crawl.admit(link) else {
                if let failure = crawl.failure { return crawl.finish(failure: failure) }
                continue
            }
            let page: FetchedPage
            do {
                page = try await fetcher.fetch(URL(string: link.url) ?? node.endpoint.url, validators: previousStates[link.url]?.validators)
            } catch {
                crawl.record(PageReport(url: link.url, status: .failed(error.description), bytes: 0))
                return crawl.finish(failure: .fetchFailed(error))
            }
            if page.notModified {
                guard let state = previousStates[link.url] else {
                    return crawl.finish(failure: .unreadablePage(url: link.url, reason: "answered 304 Not Modified to an unconditional request"))
                }
                crawl.carry(state)
                continue
            }
            if let earlier = crawl.loopGuard.earlierPage(withContentOf: page.body, url: link.url) {
                if node.paging == .pageParameter, link.role == .catalogue { continue }
                return crawl.finish(failure: .pagingLoop(from: link.url, to: earlier))
            }
            do {
                let interpreted = try interpreter.interpret(page, as: link)
                crawl.absorb(interpreted, page: page, link: link)
            } catch {
                crawl.record(PageReport(url: link.url, status: .failed(error.description), bytes: page.body.count))
                return crawl.finish(failure: error)
            }
        }
        return crawl.finish(failure: nil)
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
