import CatalogueModel

/// Writes a harvest report for a person: the outcome on standard output, warnings on standard error.
enum HarvestReportPrinter {
    static func print(_ report: HarvestReport) {
        let run = report.run
        var line = "\(run.node): \(run.status.rawValue), \(run.pages) page\(run.pages == 1 ? "" : "s")"
        if run.pagesNotModified > 0 { line += " (\(run.pagesNotModified) not modified)" }
        line += ", \(run.listed) listed"
        if run.status == .complete {
            line += ": \(run.new) new, \(run.updated) updated, \(run.unchanged) unchanged, \(run.withdrawn) withdrawn"
        }
        if run.failed > 0 { line += ", \(run.failed) record\(run.failed == 1 ? "" : "s") failed" }
        Swift.print(line + ".")
        if let error = run.error {
            Swift.print("  nothing was changed: \(error)")
        }
        if run.status == .held {
            Swift.print("  held as run \(run.id): check the node; to apply the withdrawals, run "
                + "catalogue harvest --node \(run.node) --accept-withdrawals \(run.id)")
        }
        for warning in report.warnings {
            printError("warning: \(run.node): \(warning)")
        }
        guard !report.unmapped.isEmpty else { return }
        Swift.print("  \(report.unmapped.count) value\(report.unmapped.count == 1 ? "" : "s") matched no vocabulary concept (kept for the curators' queue).")
    }
}
