import ArgumentParser
import CatalogueEngine
import CatalogueModel

extension Catalogue {
    /// `catalogue datasets`: every dataset in the catalogue, normalised.
    struct Datasets: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every dataset in the catalogue, normalised.")

        @OptionGroup var homeOptions: HomeOptions

        @Flag(help: "Print the datasets as JSON (the contract in docs/cli.md).")
        var json = false

        func run() throws {
            let catalogue = try homeOptions.open()
            let datasets = try withUserFacingErrors { try catalogue.datasets() }
            if json {
                try JSONOutput.print(datasets)
            } else {
                print(DatasetTable.render(datasets))
                print("\(datasets.count) dataset\(datasets.count == 1 ? "" : "s")")
            }
        }
    }
}
