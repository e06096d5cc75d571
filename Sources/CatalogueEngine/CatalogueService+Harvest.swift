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
    /// Pages are read without the writer lock; the lock is taken for normalising and storing, so
    /// the records are normalised with the vocabulary in force when they are committed. A complete
    /// run upserts the node's records (unchanged ones by content hash are skipped), withdraws those
    /// it no longer lists, and the index catches up from the store's outbox. A partial or failed
    /// run is recorded with its reason and changes no record; so is a **held** run, whose pages
    /// all read but whose result is implausible (see ``WithdrawalGuard``) — unless
    /// `acceptWithdrawals` names the held run whose withdrawals the operator accepts.
    public func harvest(
        _ node: NodeConfiguration, fetcher: any PageFetcher, acceptWithdrawals: Int64? = nil,
        progress: (@Sendable (HarvestProgress) -> Void)? = nil
    ) async throws -> HarvestReport {
        let runner = HarvestRunner(
            node: node, fetcher: fetcher, parser: rdfParser, previousStates: try previousPageStates(of: node.id))
        let clock = ContinuousClock()
        var outcome: HarvestOutcome?
        let pagesTime = await clock.measure { outcome = await runner.run(progress: progress) }
        let finished = outcome ?? HarvestOutcome(node: node.id, endpoint: node.endpoint.description, startedAt: Date())
        return try store(finished, of: node, acceptWithdrawals: acceptWithdrawals, pagesTime: pagesTime.seconds)
    }

    /// Stores what a run found: complete, held or incomplete. Takes the writer lock.
    func store(_ outcome: HarvestOutcome, of node: NodeConfiguration, acceptWithdrawals: Int64?, pagesTime: Double) throws -> HarvestReport {
        try writing("harvest of node \(node.id)") {
            guard outcome.isComplete else { return try recordIncomplete(outcome, node: node) }
            let clock = ContinuousClock()
            var records: [CatalogueRecord] = []
            let normaliseTime = clock.measure { records = normalise(outcome) }
            let warnings = outcome.warnings + Self.unknownIRIWarnings(records)
            let existing = try storeCall { try store.datasetIdentifiers(node: node.id) }
            let guardrail = WithdrawalGuard(node: node, existing: existing, listed: outcome.listedIdentifiers)
            if let reason = guardrail.implausibility {
                if let accepted = acceptWithdrawals {
                    try checkAcceptance(of: accepted, node: node.id, withdrawals: guardrail.withdrawals)
                } else {
                    return try recordHeld(outcome, node: node, reason: reason, withdrawals: guardrail.withdrawals, warnings: warnings)
                }
            }
            let commit = HarvestCommit(
                run: Self.run(from: outcome, status: .complete), warnings: warnings, records: records,
                listedIdentifiers: outcome.listedIdentifiers, harvestStateJSON: try Self.encode(outcome.pageStates),
                nodeName: node.name, nodeCountry: node.country)
            var stored: HarvestCommitResult?
            let storeTime = try clock.measure { stored = try storeCall { try store.commitHarvest(commit) } }
            guard let result = stored else { preconditionFailure("the commit returned nothing") }
            let indexTime = try clock.measure { try catchUpIndex(known: Self.byKey(records)) }
            let timings = HarvestTimings(
                pages: pagesTime, normalise: normaliseTime.seconds, store: storeTime.seconds, index: indexTime.seconds)
            return HarvestReport(
                run: result.run, warnings: warnings, unmapped: Self.distinct(records.flatMap(\.normalised.unmapped)), timings: timings)
        }
    }

    private func normalise(_ outcome: HarvestOutcome) -> [CatalogueRecord] {
        let normaliser = self.normaliser
        let nodeID = outcome.node
        return outcome.datasets.parallelMap { harvested in
            let result = normaliser.normaliseRecordingProbes(harvested.raw, node: nodeID)
            return CatalogueRecord(
                raw: harvested.raw, normalised: result.dataset, source: harvested.source,
                normalisationKeys: result.probes.sorted())
        }
    }

    /// An operator accepts the withdrawals of held run `run`: it must be a held run of this node,
    /// and the node must now withdraw no dataset that run did not (it may withdraw fewer).
    private func checkAcceptance(of run: Int64, node: String, withdrawals: [String]) throws {
        guard let held = try storeCall({ try store.heldRun(run) }), held.node == node else {
            throw CatalogueEngineError.withdrawalsNotAccepted("run \(run) is not a held run of node '\(node)'; see catalogue harvest runs --node \(node)")
        }
        let unexpected = withdrawals.filter { !held.withdrawals.contains($0) }
        guard unexpected.isEmpty else {
            throw CatalogueEngineError.withdrawalsNotAccepted(
                "node '\(node)' would now withdraw \(unexpected.count) dataset\(unexpected.count == 1 ? "" : "s") that held run \(run) did not "
                    + "(\(unexpected.prefix(3).joined(separator: ", "))\(unexpected.count > 3 ? ", …" : "")); harvest again without --accept-withdrawals to hold a new run")
        }
    }

    private func recordHeld(
        _ outcome: HarvestOutcome, node: NodeConfiguration, reason: String, withdrawals: [String], warnings: [HarvestWarning]
    ) throws -> HarvestReport {
        var run = Self.run(from: outcome, status: .held)
        run.error = reason
        var commit = HarvestCommit(run: run, warnings: warnings, nodeName: node.name, nodeCountry: node.country)
        commit.heldWithdrawals = withdrawals
        let result = try storeCall { try store.commitHarvest(commit) }
        return HarvestReport(run: result.run, warnings: warnings, unmapped: [])
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
            listed: status == .complete || status == .held ? outcome.listedIdentifiers.count : outcome.datasets.count,
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

    func previousPageStates(of node: String) throws -> [String: PageState] {
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
        _ node: NodeConfiguration, policy: HTTPFetchPolicy = HTTPFetchPolicy(), acceptWithdrawals: Int64? = nil,
        progress: (@Sendable (HarvestProgress) -> Void)? = nil
    ) async throws -> HarvestReport {
        let read = await Self.readPages(of: node, policy: policy, parser: rdfParser, previousStates: try previousPageStates(of: node.id), progress: progress)
        return try store(read.outcome, of: node, acceptWithdrawals: acceptWithdrawals, pagesTime: read.seconds)
    }

    /// Harvests several nodes: their pages are read side by side, up to `concurrency` nodes at a
    /// time (a node that is down no longer delays the others), and each run is stored as soon as
    /// its pages are read, one at a time under the writer lock. `report` is called per node in
    /// the order the runs finish; the reports are returned in the order of `nodes`.
    public func harvest(
        _ nodes: [NodeConfiguration], concurrency: Int, policy: HTTPFetchPolicy = HTTPFetchPolicy(),
        progress: (@Sendable (HarvestProgress) -> Void)? = nil, report: (HarvestReport) -> Void = { _ in }
    ) async throws -> [HarvestReport] {
        precondition(concurrency >= 1, "at least one node at a time")
        let parser = rdfParser
        let states = try nodes.map { try previousPageStates(of: $0.id) }
        var reports = [HarvestReport?](repeating: nil, count: nodes.count)
        try await withThrowingTaskGroup(of: (Int, PagesRead).self) { group in
            var next = 0
            func startNext() {
                guard next < nodes.count else { return }
                let position = next, node = nodes[position], previous = states[position]
                group.addTask { (position, await Self.readPages(of: node, policy: policy, parser: parser, previousStates: previous, progress: progress)) }
                next += 1
            }
            for _ in 0..<min(concurrency, nodes.count) { startNext() }
            while let (position, read) = try await group.next() {
                let stored = try store(read.outcome, of: nodes[position], acceptWithdrawals: nil, pagesTime: read.seconds)
                reports[position] = stored
                report(stored)
                startNext()
            }
        }
        return reports.compactMap { $0 }
    }

    struct PagesRead: Sendable {
        var outcome: HarvestOutcome
        var seconds: Double
    }

    /// Reads every page of one node's run, storing nothing; a node whose fetcher cannot be made
    /// (missing credentials) ends as a failed outcome.
    static func readPages(
        of node: NodeConfiguration, policy: HTTPFetchPolicy, parser: RDFParser, previousStates: [String: PageState],
        progress: (@Sendable (HarvestProgress) -> Void)?, background: Bool = false
    ) async -> PagesRead {
        let started = ContinuousClock.now
        let fetcher: NodeFetcher
        do {
            fetcher = try NodeFetcher(node: node, policy: policy)
        } catch {
            var outcome = HarvestOutcome(node: node.id, endpoint: node.endpoint.description, startedAt: Date())
            outcome.failure = error as? HarvestError ?? .unreadablePage(url: node.endpoint.description, reason: String(describing: error))
            return PagesRead(outcome: outcome, seconds: 0)
        }
        var runner = HarvestRunner(node: node, fetcher: fetcher, parser: parser, previousStates: previousStates)
        runner.background = background
        let outcome = await runner.run(progress: progress)
        await fetcher.shutdown()
        return PagesRead(outcome: outcome, seconds: (ContinuousClock.now - started).seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
