import ArgumentParser
import CatalogueEngine
import Foundation

/// Where the catalogue keeps its data, and where the vocabularies are: shared by every verb.
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The catalogue's data folder (SQLite catalogue and search index).",
        discussion: "Defaults to $CATALOGUE_HOME, else ./catalogue-data.", valueName: "dir"))
    var home: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder of SKOS vocabularies (Turtle).",
        discussion: "Defaults to $CATALOGUE_VOCABULARIES, else the project's Vocabularies/ folder.", valueName: "dir"))
    var vocabularies: String?

    @Option(name: .long, help: ArgumentHelp(
        "The folder of offline JSON-LD contexts (with a catalog.json).",
        discussion: "Defaults to $CATALOGUE_CONTEXTS, else the project's Ontologies/jsonld-contexts.", valueName: "dir"))
    var contexts: String?

    func configuration() throws -> CatalogueConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let homePath = home ?? environment["CATALOGUE_HOME"] ?? "catalogue-data"
        guard !homePath.isEmpty else { throw ValidationError("--home must not be empty") }
        let vocabularyFolder = try vocabularies.map { URL(fileURLWithPath: $0) }
            ?? environment["CATALOGUE_VOCABULARIES"].map { URL(fileURLWithPath: $0) }
            ?? VocabularyLocator.defaultFolder()
        let contextFolder = (contexts ?? environment["CATALOGUE_CONTEXTS"]).map { URL(fileURLWithPath: $0) }
        return CatalogueConfiguration(home: URL(fileURLWithPath: homePath), vocabularies: vocabularyFolder, jsonldContexts: contextFolder)
    }

    /// Opens the catalogue, turning every failure into one clear message.
    func open() throws -> CatalogueService {
        try withUserFacingErrors { try CatalogueService.open(try configuration()) }
    }
}
