import CatalogueModel
import Foundation
import Harvesting

/// The admin pages' template contexts: the nodes with their last runs, a harvest job, a run's warnings.
enum AdminPages {
    static func nodes(
        configured: [NodeConfiguration], summaries: [NodeSummary], runs: [HarvestRun], busy: Set<String>, csrf: String, messages: WebMessages
    ) -> [String: Any] {
        let known = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = configured.map(\.id) + summaries.map(\.id).filter { id in !configured.contains { $0.id == id } }
        let rows = ids.map { id -> [String: Any] in
            let summary = known[id], node = configured.first { $0.id == id }
            var row: [String: Any] = [
                "id": id, "name": node?.name ?? summary?.name ?? "", "datasets": WebMessages.grouped(summary?.datasets ?? 0),
                "harvestable": node != nil && !busy.contains(id), "busy": busy.contains(id), "csrf": csrf,
            ]
            if let last = summary?.lastRun { row["lastRun"] = run(last, messages) }
            return row
        }
        return [
            "nodes": rows, "csrf": csrf, "runs": runs.map { run($0, messages) }, "hasRuns": !runs.isEmpty,
            "canHarvest": !configured.isEmpty,
        ]
    }

    static func job(_ job: HarvestJob, messages: WebMessages) -> [String: Any] {
        [
            "id": job.id, "nodes": job.nodes.joined(separator: ", "), "requestedBy": job.requestedBy,
            "running": job.status == .running, "status": messages.text("admin.job.\(job.status.rawValue)"),
            "runs": job.runs.map { run($0, messages) }, "hasRuns": !job.runs.isEmpty,
            "errors": job.errors.sorted { $0.key < $1.key }.map { ["node": $0.key, "reason": $0.value] },
            "hasErrors": !job.errors.isEmpty,
        ]
    }

    static func warnings(_ run: HarvestRun, _ warnings: [HarvestWarning], messages: WebMessages) -> [String: Any] {
        ["run": self.run(run, messages), "warnings": warnings.map(\.description), "hasWarnings": !warnings.isEmpty]
    }

    static func run(_ run: HarvestRun, _ messages: WebMessages) -> [String: Any] {
        var row: [String: Any] = [
            "id": String(run.id), "node": run.node, "status": run.status.rawValue,
            "finishedAt": ISO8601DateFormatter().string(from: run.finishedAt),
            "counts": messages.text("admin.counts", [
                "new": String(run.new), "updated": String(run.updated), "unchanged": String(run.unchanged),
                "withdrawn": String(run.withdrawn), "failed": String(run.failed),
            ]),
            "warnings": messages.count("admin.warnings", run.warningCount), "hasWarnings": run.warningCount > 0,
        ]
        if let error = run.error { row["error"] = error }
        return row
    }
}
