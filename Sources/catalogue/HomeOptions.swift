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

    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp(
        "Seconds to wait for another writer of the same catalogue before giving up.",
        discussion: "Defaults to $CATALOGUE_LOCK_TIMEOUT, else 60.", valueName: "seconds"))
    var lockTimeout: Double?

    @Option(name: .customLong("node-secret"), help: ArgumentHelp(
        "The node secret that pseudonymises subjects and keys their counts' noise (created on first subject import, mode 0600).",
        discussion: "Defaults to $CATALOGUE_NODE_SECRET, else node-secret in the home.", valueName: "file"))
    var nodeSecret: String?

    func configuration(creating: Bool = false) throws -> CatalogueConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let homePath = home ?? environment["CATALOGUE_HOME"] ?? "catalogue-data"
        guard !homePath.isEmpty else { throw ValidationError("--home must not be empty") }
        let vocabularyFolder = try vocabularies.map { URL(fileURLWithPath: $0) }
            ?? environment["CATALOGUE_VOCABULARIES"].map { URL(fileURLWithPath: $0) }
            ?? VocabularyLocator.defaultFolder()
        let contextFolder = (contexts ?? environment["CATALOGUE_CONTEXTS"]).map { URL(fileURLWithPath: $0) }
        var configuration = CatalogueConfiguration(
            home: URL(fileURLWithPath: homePath), vocabularies: vocabularyFolder, jsonldContexts: contextFolder,
            createIfMissing: creating, lockTimeout: .milliseconds(Int64(try timeoutSeconds() * 1000)))
        configuration.nodeSecret = (nodeSecret ?? environment["CATALOGUE_NODE_SECRET"]).map { URL(fileURLWithPath: $0) }
        return configuration
    }

    private func timeoutSeconds() throws -> Double {
        if let lockTimeout {
            guard lockTimeout.isFinite, (0...86_400).contains(lockTimeout) else {
                throw ValidationError("--lock-timeout must be between 0 and 86400 seconds, got \(lockTimeout)")
            }
            return lockTimeout
        }
        guard let text = ProcessInfo.processInfo.environment["CATALOGUE_LOCK_TIMEOUT"] else { return 60 }
        guard let value = Double(text), value.isFinite, (0...86_400).contains(value) else {
            throw ValidationError("CATALOGUE_LOCK_TIMEOUT must be a number of seconds between 0 and 86400, got '\(text)'")
        }
        return value
    }

    /// Opens the catalogue, turning every failure into one clear message; what opening repaired
    /// (an index caught up or rebuilt after a crash) is said on standard error. Only commands that
    /// add records (`harvest`, `import`) pass `creating`: any other command on a home without a
    /// catalogue is an error, so a mistyped --home never looks like an empty catalogue.
    func open(creating: Bool = false) throws -> CatalogueService {
        let catalogue = try withUserFacingErrors { try CatalogueService.open(try configuration(creating: creating)) }
        for notice in catalogue.openingNotices { printError("note: \(notice)") }
        return catalogue
    }
}
