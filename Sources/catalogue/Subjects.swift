import ArgumentParser
import CatalogueEngine
import CatalogueModel
import CohortCounts
import Foundation

extension Catalogue {
    /// `catalogue subjects import|list`: a dataset's subject-level metadata, in node mode.
    struct Subjects: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a dataset's subjects (node mode) for cohort counts; see docs/counts.md.",
            subcommands: [ImportSubjects.self, ListSubjects.self])
    }

    struct ImportSubjects: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Replace a dataset's subjects by those of a CSV or JSON file (all or nothing).",
            discussion: """
            Subject ids are replaced by pseudonyms (HMAC with the node secret) as the file is read; \
            no id is stored or printed. A file with a bad row is refused whole, each problem with its \
            row, column and reason, and nothing changes.
            """)

        @OptionGroup var homeOptions: HomeOptions

        @Argument(help: ArgumentHelp("The subject file (CSV with a header line, or JSON).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The dataset the subjects belong to, as NODE/ID.", valueName: "node/id"))
        var dataset: String

        @Option(help: ArgumentHelp("A mapping file naming the file's columns (docs/counts.md).", valueName: "file"))
        var mapping: String?

        @Flag(help: "Print the report as JSON.") var json = false

        func validate() throws {
            guard DatasetKey(joined: dataset) != nil else { throw ValidationError("--dataset '\(dataset)' is not NODE/ID") }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let report = try withUserFacingErrors {
                try catalogue.importSubjects(
                    URL(fileURLWithPath: file), dataset: DatasetKey(joined: dataset)!, mapping: mapping.map { URL(fileURLWithPath: $0) })
            }
            if json { return try JSONOutput.print(report) }
            print(report.changed
                  ? "Imported \(report.subjects) subject\(report.subjects == 1 ? "" : "s") of \(report.dataset) (they replace the ones before)."
                  : "Unchanged: \(report.dataset) already holds the subjects of this file.")
            if !report.unmapped.isEmpty {
                print("Values no concept matched (in the curators' queue):")
                for value in report.unmapped { print("  \(value.field) '\(value.value)': \(value.subjects) subject\(value.subjects == 1 ? "" : "s")") }
            }
        }
    }

    struct ListSubjects: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the datasets with subjects.")

        @OptionGroup var homeOptions: HomeOptions
        @Flag(help: "Print the list as JSON.") var json = false

        func run() throws {
            let catalogue = try homeOptions.open()
            let imports = try withUserFacingErrors { try catalogue.subjectImports() }
            if json { return try JSONOutput.print(imports) }
            guard !imports.isEmpty else { return print("No dataset has subjects yet (catalogue subjects import).") }
            for summary in imports {
                print("\(summary.dataset)  \(summary.subjects) subjects  from \(summary.source)  \(summary.importedAt.ISO8601Format())")
            }
        }
    }

    /// `catalogue count`: released subject counts per dataset (the disclosure policy applies here too).
    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the subjects matching criteria in each dataset, as released by the disclosure policy.",
            discussion: """
            One value per filter, at most six; ages as whole 10-year bands (50-69, 90+). Counts \
            below 10 are shown as <10, others are noised and rounded to 10 (docs/counts.md).
            """)

        @OptionGroup var homeOptions: HomeOptions
        @Option(name: .customLong("cancerType"), help: ArgumentHelp("A cancer type (code, IRI or CURIE), as icd10:C50.", valueName: "concept"))
        var cancerType: String?
        @Option(help: ArgumentHelp("A modality, as dicom:MR.", valueName: "concept")) var modality: String?
        @Option(name: .customLong("bodySite"), help: ArgumentHelp("A body site.", valueName: "concept")) var bodySite: String?
        @Option(help: ArgumentHelp("female or male.", valueName: "sex")) var sex: String?
        @Option(help: ArgumentHelp("Age at diagnosis as whole 10-year bands: 50-69, 90+.", valueName: "range")) var age: String?
        @Option(help: ArgumentHelp("One dataset, as NODE/ID.", valueName: "node/id")) var dataset: String?
        @Option(help: ArgumentHelp("One node (data holder).", valueName: "node")) var node: String?
        @Flag(help: "List the datasets with fewer than 10 too (by default only their number is shown).") var all = false
        @Flag(help: "Print the answer as JSON.") var json = false

        var filters: [(field: String, value: String)] {
            [("cancerType", cancerType), ("modality", modality), ("bodySite", bodySite), ("sex", sex), ("age", age),
             ("dataset", dataset), ("node", node)].compactMap { pair in pair.1.map { (pair.0, $0) } }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let answer = try withUserFacingErrors { try catalogue.countSubjects(filters) }
            if json { return try JSONOutput.print(answer) }
            print(answer.query.isEmpty ? "Subjects per dataset (no filter):" : "Subjects matching \(answer.query):")
            for entry in answer.datasets where all || !entry.subjects.isSuppressed { print("  \(entry.dataset)  \(entry.subjects)") }
            let suppressed = answer.total.suppressedDatasets
            print("Total: \(answer.total.subjects)" + (suppressed > 0 ? " (and \(suppressed) dataset\(suppressed == 1 ? "" : "s") with fewer than 10\(all ? "" : ", listed with --all"))" : ""))
            print("Released counts are noised and rounded to \(answer.policy.rounding); counts below \(answer.policy.k) are shown as <\(answer.policy.k) (policy \(answer.policy.version)).")
        }
    }
}
