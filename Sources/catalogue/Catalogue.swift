import ArgumentParser
import CatalogueEngine

/// The `catalogue` command: one subcommand type per verb, each a thin shell over `CatalogueEngine`.
@main
struct Catalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Imaging Catalogue: a metadata catalogue and faceted search index for federated cancer-imaging data.",
        version: CatalogueVersion.current,
        subcommands: [Harvest.self, Import.self, Datasets.self, Search.self, Reindex.self, Check.self, Vocab.self, Serve.self, Token.self, Export.self, Subjects.self, Count.self, Audit.self]
    )
}
