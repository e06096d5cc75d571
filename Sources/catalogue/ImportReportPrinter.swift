import CatalogueModel

/// Writes an import report for a person: the counts on standard output, warnings on standard error.
enum ImportReportPrinter {
    static func print(_ report: ImportReport) {
        for file in report.files {
            Swift.print("\(file.source): \(file.datasets) dataset\(file.datasets == 1 ? "" : "s")")
        }
        Swift.print("""
            Imported \(report.imported) dataset\(report.imported == 1 ? "" : "s") into node \(report.node): \
            \(report.inserted) new, \(report.updated) updated, \(report.unchanged) unchanged.
            """)
        for warning in report.warnings {
            printError("warning: \(warning)")
        }
        guard !report.unmapped.isEmpty else { return }
        Swift.print("\(report.unmapped.count) value\(report.unmapped.count == 1 ? "" : "s") matched no vocabulary concept (kept for curators):")
        for value in report.unmapped {
            Swift.print("  \(value.field): \(value.value)")
        }
    }
}
