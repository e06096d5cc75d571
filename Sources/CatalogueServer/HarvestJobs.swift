import CatalogueEngine
import CatalogueModel
import Foundation
import Harvesting
import Logging

/// A harvest the server runs: asked for by an admin (`POST /api/v1/harvests`) or by a node's
/// schedule. `GET /api/v1/harvests/jobs/{id}` polls it; its runs are the catalogue's harvest runs.
struct HarvestJob: Codable, Hashable, Sendable {
    enum Status: String, Codable, Sendable { case running, finished }

    var id: Int
    var nodes: [String]
    /// Who asked: a token's name, or `schedule`.
    var requestedBy: String
    var status: Status
    var startedAt: Date
    var finishedAt: Date?
    /// The run stored for each node that finished, in the order they finished.
    var runs: [HarvestRun]
    /// Nodes whose harvest could not even start or be stored, with the reason.
    var errors: [String: String]

    enum CodingKeys: String, CodingKey { case id, nodes, requestedBy, status, startedAt, finishedAt, runs, errors }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(requestedBy, forKey: .requestedBy)
        try container.encode(status, forKey: .status)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(runs, forKey: .runs)
        try container.encode(errors, forKey: .errors)
    }
}

/// The harvests the server runs, one run per node at a time: a request naming a node that is
/// being harvested is refused (409) rather than queued behind it.
actor HarvestJobs {
    private let catalogue: SharedCatalogue
    private let logger: Logger
    private let metrics: CatalogueMetrics
    private var jobs: [Int: HarvestJob] = [:]
    private var order: [Int] = []
    private var running: Set<String> = []
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextID = 1
    /// Finished jobs kept for polling; older ones are forgotten (their runs stay in the store).
    private let kept = 200

    init(catalogue: SharedCatalogue, logger: Logger, metrics: CatalogueMetrics) {
        self.catalogue = catalogue
        self.logger = logger
        self.metrics = metrics
    }

    /// Starts harvesting `nodes` in the background; nil when one of them is already being harvested.
    func start(_ nodes: [NodeConfiguration], requestedBy: String) -> HarvestJob? {
        let ids = nodes.map(\.id)
        guard running.isDisjoint(with: ids) else { return nil }
        running.formUnion(ids)
        let job = HarvestJob(
            id: nextID, nodes: ids, requestedBy: requestedBy, status: .running, startedAt: Date(), finishedAt: nil, runs: [], errors: [:])
        nextID += 1
        jobs[job.id] = job
        order.append(job.id)
        tasks[job.id] = Task { await self.run(job.id, nodes) }
        forgetOldJobs()
        return job
    }

    func job(_ id: Int) -> HarvestJob? { jobs[id] }

    /// The nodes being harvested now.
    func busyNodes() -> Set<String> { running }

    /// Waits for every running job (graceful shutdown: a run in progress is finished and stored).
    func finishAll() async {
        for task in tasks.values { await task.value }
    }

    private func run(_ id: Int, _ nodes: [NodeConfiguration]) async {
        await withTaskGroup(of: (String, Result<HarvestReport, any Error>).self) { group in
            for node in nodes {
                group.addTask { [catalogue] in
                    do { return (node.id, .success(try await catalogue.harvest(node))) } catch { return (node.id, .failure(error)) }
                }
            }
            for await (node, result) in group { record(id, node: node, result) }
        }
        jobs[id]?.status = .finished
        jobs[id]?.finishedAt = Date()
        tasks[id] = nil
    }

    private func record(_ id: Int, node: String, _ result: Result<HarvestReport, any Error>) {
        running.remove(node)
        switch result {
        case .success(let report):
            jobs[id]?.runs.append(report.run)
            metrics.recordHarvestRun(report.run.status)
            logger.info("harvest stored", metadata: ["node": .string(node), "status": .string(report.run.status.rawValue)])
        case .failure(let error):
            let message = ErrorSentence.message(for: error)
            jobs[id]?.errors[node] = message
            metrics.recordHarvestFailure()
            logger.error("harvest failed", metadata: ["node": .string(node), "error": .string(message)])
        }
    }

    private func forgetOldJobs() {
        while order.count > kept, let oldest = order.first, jobs[oldest]?.status == .finished {
            order.removeFirst()
            jobs[oldest] = nil
        }
    }
}
