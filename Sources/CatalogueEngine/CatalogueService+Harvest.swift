import CatalogueModel
import CatalogueStore
import Foundation
import Harvesting
import RDF
import SearchIndex
import Vocabulary

extension CatalogueService {
    /// Harvests one node and stores the run.
    ///
    /// A complete run upserts the node's records (unchanged ones by content hash are skipped),
    /// withdraws those it no longer lists, and updates the index, all from one stored transaction.
    /// A partial or failed run is recorded with its reason and changes no record.
    public func harvest(
        _ node: NodeConfiguration, fetcher: any PageFetcher, progress: (@Sendable (HarvestProgress) -> Void)? = nil
    ) async throws -> HarvestReport {
        let runner = HarvestRunner(
            node: node, fetcher: fetcher, parser: rdfParser, previousStates: try previousPageStates(of: node.id))
        let clock = ContinuousClock()
        var outcome: HarvestOutcome?
        let pagesTime = await clock.measure { outcome = await runner.run(progress: progress) }
        guard let outcome, outcome.isComplete else {
            return try recordIncomplete(outcome ?? HarvestOutcome(node: node.id, endpoint: node.endpoint.description, startedAt: Date()), node: node)
        }

        let normaliser = self.normaliser
        let nodeID = node.id
        var records: [CatalogueRecord] = []
        let normaliseTime = clock.measure {
            records = outcome.datasets.parallelMap { harvested in
                let result = normaliser.normaliseRecordingProbes(harvested.raw, node: nodeID)
                return CatalogueRecord(
                    raw: harvested.raw, normalised: result.dataset, source: harvested.source,
                    normalisationKeys: result.probes.sorted())
            }
        }
        let warnings = outcome.warnings + Self.unknownIRIWarnings(records)
        let commit = HarvestCommit(
            run: Self.run(from: outcome, status: .complete), warnings: warnings, records: records,
            listedIdentifiers: outcome.listedIdentifiers, harvestStateJSON: try Self.encode(outcome.pageStates),
            nodeName: node.name, nodeCountry: node.country)
        var stored: HarvestCommitResult?
        let storeTime = try clock.measure { stored = try storeCall { try store.commitHarvest(commit) } }
        guard let result = stored else { preconditionFailure("the commit returned nothing") }
        let changed = Set(result.summary.changedKeys)
        let indexTime = try clock.measure {
            try updateIndex(with: records.filter { changed.contains($0.key) }.map(\.normalised), removing: result.withdrawnKeys)
        }
        let timings = HarvestTimings(
            pages: pagesTime.seconds, normalise: normaliseTime.seconds, store: storeTime.seconds, index: indexTime.seconds)
        return HarvestReport(
            run: result.run, warnings: warnings, unmapped: Self.distinct(records.flatMap(\.normalised.unmapped)), timings: timings)
    }

    private func recordIncomplete(_ outcome: HarvestOutcome, node: NodeConfiguration) throws -> HarvestReport {
        let status: HarvestRun.Status = outcome.failure?.isPartial == true ? .partial : .failed
        let commit = HarvestCommit(
            run: Self.run(from: outcome, status: status), warnings: outcome.warnings,
            nodeName: node.name, nodeCountry: node.country)
        let result = try storeCall { try store.commitHarvest(commit) }
        return HarvestReport(run: result.run, warnings: outcome.warnings, unmapped: [])
    }

    private static func run(from outcome: HarvestOutcome, status: HarvestRun.Status) -> HarvestRun {
        let notModified = outcome.pages.count { if case .notModified = $0.status { true } else { false } }
        return HarvestRun(
            node: outcome.node, endpoint: outcome.endpoint, status: status, startedAt: outcome.startedAt,
            finishedAt: outcome.finishedAt, pages: outcome.pages.count, pagesNotModified: notModified,
            listed: status == .complete ? outcome.listedIdentifiers.count : outcome.datasets.count,
            failed: outcome.failedRecords, error: outcome.failure.map(String.init(describing:)))
    }

    /// An IRI in a concept field that no concept carries is worth a warning per record, beyond its
    /// place in the curators' queue: it usually means a code list the vocabularies lack.
    private static func unknownIRIWarnings(_ records: [CatalogueRecord]) -> [HarvestWarning] {
        records.flatMap { record in
            record.normalised.unmapped.filter { $0.value.hasPrefix("http://") || $0.value.hasPrefix("https://") }.map {
                HarvestWarning(
                    .unknownVocabularyIRI, dataset: record.key.id, property: $0.field,
                    detail: "<\($0.value)> is not a concept of the vocabularies; kept as given")
            }
        }
    }

    private func previousPageStates(of node: String) throws -> [String: PageState] {
        guard let json = try storeCall({ try store.harvestState(node: node) }) else { return [:] }
        // Memory that no longer decodes (an older harvester) only costs unconditional requests.
        guard let states = try? JSONDecoder().decode([PageState].self, from: Data(json.utf8)) else { return [:] }
        return Dictionary(states.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func encode(_ states: [PageState]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(states), as: UTF8.self)
    }
}

extension CatalogueService {
    /// Past harvest runs, newest first; of one node when `node` is given.
    public func harvestRuns(node: String? = nil, limit: Int = 50) throws -> [HarvestRun] {
        try storeCall { try store.harvestRuns(node: node, limit: limit) }
    }

    /// The typed warnings one run recorded, in the order they were found.
    public func harvestWarnings(run: Int64) throws -> [HarvestWarning] {
        try storeCall { try store.harvestWarnings(run: run) }
    }
}

extension CatalogueService {
    /// Harvests one node with the fetcher its endpoint needs (local files, or HTTP(S) with the
    /// node's credentials and page cap).
    public func harvest(
        _ node: NodeConfiguration, policy: HTTPFetchPolicy = HTTPFetchPolicy(),
        progress: (@Sendable (HarvestProgress) -> Void)? = nil
    ) async throws -> HarvestReport {
        let fetcher: NodeFetcher
        do {
            fetcher = try NodeFetcher(node: node, policy: policy)
        } catch let error as HarvestError {
            // Missing credentials fail this node's run, recorded like any other failure.
            var outcome = HarvestOutcome(node: node.id, endpoint: node.endpoint.description, startedAt: Date())
            outcome.failure = error
            return try recordIncomplete(outcome, node: node)
        }
        do {
            let report = try await harvest(node, fetcher: fetcher, progress: progress)
            await fetcher.shutdown()
            return report
        } catch {
            await fetcher.shutdown()
            throw error
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
