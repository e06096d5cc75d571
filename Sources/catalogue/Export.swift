import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

extension ExportFormat: ExpressibleByArgument {}

extension Catalogue {
    /// `catalogue export`: the catalogue's own DCAT-AP (HealthDCAT-AP, EUCAIM) description, for
    /// portals to harvest or for a file drop.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the catalogue as DCAT-AP (with HealthDCAT-AP and EUCAIM properties).",
            discussion: """
            One dcat:Catalog, whose IRI is --base-url, lists every dataset with its values as harvested and \
            the concepts they were normalised to (dct:subject). With --page, one page of --page-size datasets \
            is written with Hydra paging links (hydra:next, hydra:last, hydra:totalItems) to \
            BASE-URL?page=N&pageSize=M, the way portals and our own harvester follow them.
            """
        )

        @OptionGroup var homeOptions: HomeOptions

        @Option(help: "Serialisation: turtle, rdfxml or jsonld.")
        var format: ExportFormat = .turtle

        @Option(name: .customLong("base-url"), help: ArgumentHelp(
            "The catalogue's IRI; datasets without a usable harvested IRI get one under it.", valueName: "url"))
        var baseURL = CatalogueService.defaultExportBaseURL

        @Option(help: "Write only this page (from 1), with Hydra paging links.")
        var page: Int?

        @Option(name: .customLong("page-size"), help: ArgumentHelp(
            "Datasets per page with --page (\(CatalogueService.exportPageSizes.lowerBound)–\(CatalogueService.exportPageSizes.upperBound)).",
            valueName: "n"))
        var pageSize = 100

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        /// The obvious mistakes, refused with the option's name; the engine checks them again.
        func validate() throws {
            if let page, page < 1 { throw ValidationError("--page must be 1 or more, got \(page)") }
            let sizes = CatalogueService.exportPageSizes
            guard sizes.contains(pageSize) else {
                throw ValidationError("--page-size must be between \(sizes.lowerBound) and \(sizes.upperBound), got \(pageSize)")
            }
            if let output, output.isEmpty { throw ValidationError("--output must not be empty") }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let export = try withUserFacingErrors {
                try catalogue.exportCatalogue(format: format, page: page, pageSize: pageSize, baseURL: baseURL)
            }
            guard let output else {
                FileHandle.standardOutput.write(export.data)
                return
            }
            try withUserFacingErrors { try export.data.write(to: URL(fileURLWithPath: output), options: .atomic) }
            printError("wrote \(output) (\(format.rawValue), \(export.data.count) bytes)")
        }
    }
}
