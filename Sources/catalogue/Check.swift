import ArgumentParser
import CatalogueEngine
import CatalogueModel

extension Catalogue {
    /// `catalogue check`: is the store sound, and does the search index agree with it?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the catalogue's store and that the search index agrees with it.",
            discussion: """
            Opening the catalogue already catches the index up with the store after an interrupted \
            write, or rebuilds it when it is unreadable; what it repaired is listed. Exits with \
            status 1 when something is still wrong.
            """
        )

        @OptionGroup var homeOptions: HomeOptions

        @Flag(help: "Print the report as JSON.")
        var json = false

        func run() throws {
            let catalogue = try homeOptions.open()
            let report = try withUserFacingErrors { try catalogue.checkConsistency() }
            if json {
                try JSONOutput.print(report)
            } else {
                print(Self.render(report))
            }
            if !report.isConsistent { throw ExitCode.failure }
        }

        static func render(_ report: ConsistencyReport) -> String {
            var lines = report.repairedAtOpening.map { "repaired at opening: \($0)" }
            lines.append(report.storeProblems.isEmpty
                ? "store: ok (\(report.datasets) dataset\(report.datasets == 1 ? "" : "s"))"
                : "store: damaged: " + report.storeProblems.prefix(10).joined(separator: "; "))
            if let problem = report.indexProblem {
                lines.append("index: the search index \(problem); run catalogue reindex")
            } else if report.missingFromIndexCount == 0, report.extraInIndexCount == 0, report.pendingIndexChanges == 0 {
                lines.append("index: ok (\(report.indexDocuments) document\(report.indexDocuments == 1 ? "" : "s"), agrees with the store)")
            } else {
                var line = "index: disagrees with the store:"
                if report.pendingIndexChanges > 0 { line += " \(report.pendingIndexChanges) change(s) not applied yet;" }
                if report.missingFromIndexCount > 0 {
                    line += " \(report.missingFromIndexCount) dataset(s) missing (\(report.missingFromIndex.prefix(5).map(\.description).joined(separator: ", ")));"
                }
                if report.extraInIndexCount > 0 { line += " \(report.extraInIndexCount) document(s) of withdrawn datasets;" }
                lines.append(line + " run catalogue reindex")
            }
            return lines.joined(separator: "\n")
        }
    }
}
