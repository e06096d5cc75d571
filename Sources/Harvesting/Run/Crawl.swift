import CatalogueModel
import Foundation

/// The state of one run while it walks a node's pages: the queue, the loop guard, and what was
/// found so far.
struct Crawl {
    private let node: NodeConfiguration
    private let progress: (@Sendable (HarvestProgress) -> Void)?
    private var queue: [PageLink]
    private var head = 0
    private var lastURL: String?
    private var datasetIndex: [String: Int] = [:]
    private var announcedTotal: Int?
    private var pagesRead = 0
    private var outcome: HarvestOutcome
    var loopGuard = PageLoopGuard()
    private(set) var failure: HarvestError?

    init(node: NodeConfiguration, startLinks: [PageLink], progress: (@Sendable (HarvestProgress) -> Void)?) {
        self.node = node
        self.progress = progress
        queue = startLinks
        outcome = HarvestOutcome(node: node.id, endpoint: node.endpoint.description, startedAt: Date())
    }

    /// Up to `limit` pages to read now, in queue order; stops early at a guard (see ``failure``).
    mutating func nextBatch(limit: Int) -> [PageLink] {
        var batch: [PageLink] = []
        while batch.count < limit, failure == nil, let link = nextLink() {
            if admit(link) { batch.append(link) }
        }
        return batch
    }

    mutating func nextLink() -> PageLink? {
        guard head < queue.count else { return nil }
        defer { head += 1 }
        return queue[head]
    }

    /// Whether to read `link` now. A next link to a page already read is a paging loop (the run
    /// stops, partial); any other repeat (an FDP dataset listed by two catalogues) is skipped.
    mutating func admit(_ link: PageLink) -> Bool {
        guard loopGuard.visit(link.url) else {
            if link.isNextPage { failure = .pagingLoop(from: lastURL ?? link.url, to: link.url) }
            return false
        }
        guard pagesRead < node.maxPages else {
            failure = .tooManyPages(limit: node.maxPages, next: link.url)
            return false
        }
        pagesRead += 1
        lastURL = link.url
        return true
    }

    /// Page URLs can come from page content (a next link written with `user:password@`): what is
    /// kept of them is redacted, like the endpoint.
    mutating func record(_ report: PageReport) {
        var report = report
        report.url = URLRedaction.redacted(report.url)
        outcome.pages.append(report)
    }

    /// A page that answered "not modified": what it listed last time still holds.
    mutating func carry(_ state: PageState) {
        outcome.carriedIdentifiers += state.identifiers
        outcome.pageStates.append(state)
        enqueue(state.links)
        record(PageReport(url: state.url, status: .notModified(datasets: state.identifiers.count), bytes: 0))
        report()
    }

    mutating func absorb(_ page: InterpretedPage, page fetched: FetchedPage, link: PageLink) {
        let source = fetched.finalURL.isFileURL ? fetched.finalURL.lastPathComponent : fetched.finalURL.absoluteString
        var identifiers: [String] = []
        for dataset in page.result.datasets {
            if datasetIndex[dataset.identifier] != nil {
                outcome.warnings.append(HarvestWarning(
                    .duplicateDataset, dataset: dataset.identifier,
                    detail: "described again on \(source); the first description was kept"))
                continue
            }
            datasetIndex[dataset.identifier] = outcome.datasets.count
            outcome.datasets.append(HarvestedDataset(raw: dataset, source: source))
            identifiers.append(dataset.identifier)
        }
        outcome.warnings += page.result.warnings
        if let owner = link.owner { attach(page.distributions, to: owner) }
        var links = page.links
        if links.isEmpty, node.paging == .pageParameter, link.role == .catalogue, !page.result.datasets.isEmpty,
           let next = PageParameter.next(after: link.url) {
            links = [PageLink(url: next, role: .catalogue, isNextPage: true)]
        }
        enqueue(links)
        announcedTotal = page.announcedTotal ?? announcedTotal
        outcome.pageStates.append(PageState(url: link.url, validators: fetched.validators, links: links, identifiers: identifiers))
        record(PageReport(url: link.url, status: .read(datasets: identifiers.count), bytes: fetched.body.count))
        report()
    }

    /// Distributions an FDP describes on their own pages replace the bare references.
    private mutating func attach(_ distributions: [RawDistribution], to owner: String) {
        guard let index = datasetIndex[owner] else { return }
        for distribution in distributions {
            var dataset = outcome.datasets[index].raw
            if let position = dataset.distributions.firstIndex(where: { $0.iri != nil && $0.iri == distribution.iri }) {
                dataset.distributions[position] = distribution
            } else {
                dataset.distributions.append(distribution)
            }
            outcome.datasets[index].raw = dataset
        }
    }

    private mutating func enqueue(_ links: [PageLink]) {
        queue += links.filter { $0.isNextPage || !loopGuard.wasVisited($0.url) }
    }

    private func report() {
        progress?(HarvestProgress(
            node: node.id, pagesRead: pagesRead, pagesQueued: queue.count - head, datasets: outcome.datasets.count + outcome.carriedIdentifiers.count,
            announcedTotal: announcedTotal, lastURL: lastURL ?? ""))
    }

    mutating func finish(failure: HarvestError?) -> HarvestOutcome {
        outcome.failure = failure ?? self.failure
        outcome.finishedAt = Date()
        return outcome
    }
}

/// The `?page=N` convention: the next page is the same URL with `page` one higher.
enum PageParameter {
    static func next(after url: String) -> String? {
        guard var components = URLComponents(string: url) else { return nil }
        var items = components.queryItems ?? []
        let current = items.first { $0.name == "page" }.flatMap { $0.value.flatMap(Int.init) } ?? 1
        items.removeAll { $0.name == "page" }
        items.append(URLQueryItem(name: "page", value: String(current + 1)))
        components.queryItems = items
        return components.url?.absoluteString
    }
}
