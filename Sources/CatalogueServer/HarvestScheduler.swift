import CatalogueEngine
import CatalogueModel
import Foundation
import Harvesting
import Logging
import ServiceLifecycle

/// Harvests the nodes whose `schedule` is due, as `catalogue serve` runs: a node is due when its
/// last harvest run finished at least its interval ago (or it never ran). Runs go through
/// ``HarvestJobs``, so a scheduled run and an admin's never overlap on one node, and appear in
/// `/api/v1/harvests` like any other. The federation file is read again at every tick, so an
/// edited schedule takes effect without a restart; a file that no longer reads is logged and the
/// schedule waits for it to be fixed.
struct HarvestScheduler: Service {
    let catalogue: SharedCatalogue
    let jobs: HarvestJobs
    let nodesFile: URL
    let tick: Duration
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            var lastProblem: String?
            while !Task.isCancelled {
                do {
                    try await startDueRuns()
                    lastProblem = nil
                } catch is CancellationError {
                    return
                } catch {
                    let message = ErrorSentence.message(for: error)
                    if message != lastProblem { logger.error("harvest schedule not applied", metadata: ["error": .string(message)]) }
                    lastProblem = message
                }
                // Shutdown cancels the sleep; ending here is the normal end, not a failure.
                do { try await Task.sleep(for: tick) } catch { return }
            }
        }
    }

    private func startDueRuns() async throws {
        let scheduled = try FederationConfiguration.load(from: nodesFile).nodes.filter { $0.schedule != nil }
        guard !scheduled.isEmpty else { return }
        let busy = await jobs.busyNodes()
        let ids = scheduled.map(\.id)
        let lastFinished = try await catalogue.read { service in
            try ids.map { try service.harvestRuns(node: $0, limit: 1).first?.finishedAt }
        }
        let now = Date()
        for (node, finished) in zip(scheduled, lastFinished) where !busy.contains(node.id) {
            guard let interval = node.schedule else { continue }
            let due = finished.map { now.timeIntervalSince($0) >= Double(interval.components.seconds) } ?? true
            guard due else { continue }
            if let job = await jobs.start([node], requestedBy: "schedule") {
                logger.info("scheduled harvest started", metadata: ["node": .string(node.id), "job": .stringConvertible(job.id)])
            }
        }
    }
}
