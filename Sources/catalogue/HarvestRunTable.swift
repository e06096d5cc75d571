import CatalogueModel
import Foundation

/// Past harvest runs as a terminal table.
enum HarvestRunTable {
    static func render(_ runs: [HarvestRun]) -> String {
        var table = TextTable([
            ("RUN", 8), ("NODE", 24), ("STATUS", 8), ("STARTED (UTC)", 19), ("SECONDS", 8), ("PAGES", 6), ("LISTED", 7),
            ("NEW", 7), ("UPDATED", 7), ("SAME", 7), ("GONE", 7), ("FAILED", 6), ("WARN", 6), ("ERROR", 60),
        ])
        for run in runs {
            table.append([
                String(run.id), run.node, run.status.rawValue, started.string(from: run.startedAt),
                String(format: "%.1f", run.finishedAt.timeIntervalSince(run.startedAt)), String(run.pages), String(run.listed),
                String(run.new), String(run.updated), String(run.unchanged), String(run.withdrawn), String(run.failed),
                String(run.warningCount), run.error ?? "",
            ])
        }
        return table.render()
    }

    private static let started: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()
}
