import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

extension Catalogue.Vocab {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the vocabulary change sets, newest first.")
        @OptionGroup var home: HomeOptions
        @Option(help: "Show at most this many changes.") var limit = 50
        @Flag(help: "Print the change sets as JSON, with the concepts before and after.") var json = false

        func run() throws {
            let catalogue = try home.open()
            let history = try withUserFacingErrors { try catalogue.vocabularyHistory(limit: limit) }
            if json { return try JSONOutput.print(history) }
            let formatter = ISO8601DateFormatter()
            for change in history {
                var state = ""
                if let by = change.revertedBy { state = "  [undone by #\(by)]" }
                print("#\(change.id)  \(formatter.string(from: change.createdAt))  \(change.author)  \(change.kind)\(state)")
                print("    \(change.summary)")
                print("    why: \(change.reason); \(change.datasetsRenormalised) dataset(s) changed")
            }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo the last change still in effect, or change N when no later change touches the same concepts.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The change to undo (see `vocab history`); the last one when omitted.") var change: Int?

        func run() throws {
            let catalogue = try home.open()
            try withUserFacingErrors { try edit.report(try catalogue.undoVocabularyChange(change, by: edit.changeAuthor)) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the quality checks: cycles, orphans, duplicate prefLabels, shared labels and codes, missing English labels, deprecated concepts in use, unknown code systems.")
        @OptionGroup var home: HomeOptions
        @Flag(help: "Print the findings as JSON.") var json = false

        func run() throws {
            let catalogue = try home.open()
            let findings = try withUserFacingErrors { try catalogue.checkVocabulary() }
            if json { try JSONOutput.print(findings) } else {
                for finding in findings { print("\(finding.severity.rawValue)  \(finding.check)  \(finding.message)") }
                let errors = findings.filter { $0.severity == .error }.count
                print("\(errors) error(s), \(findings.count - errors) warning(s)")
            }
            if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }

    struct Unmapped: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The curators' queue: raw values no concept matched, by number of datasets, per field and node.")
        @OptionGroup var home: HomeOptions
        @Option(help: "Only this field (cancerType, modality, bodySite, accessRights, tier, …).") var field: String?
        @Option(help: "Only values seen at this node.") var node: String?
        @Option(help: "Show at most this many values.") var limit = 50
        @Flag(help: "Print the queue as JSON.") var json = false

        func run() throws {
            let catalogue = try home.open()
            var queue = try withUserFacingErrors { try catalogue.unmappedValues() }
            if let field { queue = queue.filter { $0.field == field } }
            if let node {
                queue = queue.compactMap { summary in
                    guard let count = summary.nodes[node] else { return nil }
                    var filtered = summary
                    filtered.datasetCount = count
                    filtered.examples = summary.examples.filter { $0.node == node }
                    return filtered
                }.sorted { $0.datasetCount > $1.datasetCount }
            }
            queue = Array(queue.prefix(limit))
            if json { return try JSONOutput.print(queue) }
            if queue.isEmpty { print("No unmapped values."); return }
            var table = TextTable([("DATASETS", 8), ("FIELD", 16), ("VALUE", 48), ("NODES", 60)])
            for summary in queue {
                table.append([String(summary.datasetCount), summary.field, summary.value,
                              summary.nodes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")])
            }
            print(table.render())
            print("Map one with: catalogue vocab map VALUE CONCEPT --reason TEXT")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the current vocabularies as SKOS Turtle, in the format of Vocabularies/ (one main and one restricted-codes file per scheme).")
        @OptionGroup var home: HomeOptions
        @Argument(help: "The folder to write into (created if needed).") var folder: String

        func run() throws {
            let catalogue = try home.open()
            let files = try withUserFacingErrors { try catalogue.exportVocabulary(to: URL(fileURLWithPath: folder)) }
            for file in files { print(file.path) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load SKOS files from elsewhere: show what would change, and apply it with --apply.")
        @OptionGroup var home: HomeOptions
        @Argument(help: "SKOS files (Turtle, RDF/XML, N-Triples, JSON-LD, by extension).") var files: [String]
        @Option(help: "Put concepts of schemes the catalogue does not know into this scheme.") var scheme: String?
        @Flag(help: "Apply the change after showing it (checked like any edit).") var apply = false
        @Option(help: "Who makes the change (default $CATALOGUE_AUTHOR, else $USER).") var author: String?
        @Option(help: "Why; required with --apply.") var reason: String?
        @Flag(help: "Print the difference (and the change report) as JSON.") var json = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one SKOS file") }
            if apply && (reason ?? "").isEmpty { throw ValidationError("--apply needs --reason") }
            if let scheme, CatalogueService.scheme(named: scheme) == nil { throw ValidationError("unknown scheme '\(scheme)'") }
        }

        func run() throws {
            let catalogue = try home.open()
            let author = VocabEditOptions.changeAuthor(self.author, reason: reason ?? "")
            let result = try withUserFacingErrors {
                try catalogue.importVocabulary(
                    files.map { URL(fileURLWithPath: $0) }, scheme: scheme.flatMap(CatalogueService.scheme(named:)), apply: apply, by: author)
            }
            if json {
                struct Output: Encodable { var diff: VocabularyDiff; var applied: VocabularyEditReport? }
                return try JSONOutput.print(Output(diff: result.diff, applied: result.report))
            }
            for change in result.diff.added + result.diff.changed {
                print("\(result.diff.added.contains(change) ? "new" : "changed") \(change.label) <\(change.concept)>")
                for line in change.lines { print("    \(line)") }
            }
            print("\(result.diff.added.count) new, \(result.diff.changed.count) changed, \(result.diff.unchanged) unchanged")
            if let report = result.report {
                print("applied as change #\(report.change): \(report.datasetsRenormalised) dataset(s) re-normalised, \(report.datasetsChanged) changed")
            } else if !result.diff.isEmpty {
                print("nothing applied; run again with --apply --reason TEXT")
            }
        }
    }
}
