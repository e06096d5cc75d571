import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

extension ImportFormat: ExpressibleByArgument {}

extension Catalogue {
    /// `catalogue import FILE... --node ID`: imports DCAT-AP files as if harvested from one node.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import DCAT-AP / HealthDCAT-AP / EUCAIM DCAT-AP files as if harvested from a node.",
            discussion: """
            Replaces the node's earlier records that have the same identifiers; its other records and \
            other nodes' records are untouched. A malformed file refuses the whole import and changes nothing.
            """
        )

        @OptionGroup var homeOptions: HomeOptions

        @Argument(help: ArgumentHelp("RDF files to import.", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("The node the files come from (letters, digits, '.', '_', '-').", valueName: "id"))
        var node: String

        @Option(help: "The files' format; guessed from each extension when omitted (.ttl, .rdf/.xml, .nt).")
        var format: ImportFormat?

        @Flag(help: "Print the import report as JSON.")
        var json = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
            guard NodeID.isValid(node) else {
                throw ValidationError("--node '\(node)' is not a valid node id: use 1–64 letters, digits, '.', '_' or '-'")
            }
        }

        func run() throws {
            let catalogue = try homeOptions.open(creating: true)
            let urls = files.map { URL(fileURLWithPath: $0) }
            let report = try withUserFacingErrors { try catalogue.importFiles(urls, node: node, format: format) }
            if json {
                try JSONOutput.print(report)
            } else {
                ImportReportPrinter.print(report)
            }
        }
    }
}
