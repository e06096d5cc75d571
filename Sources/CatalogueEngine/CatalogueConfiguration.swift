import Foundation

/// Where one catalogue lives: its data folder (SQLite catalogue + Xapian index) and its vocabularies.
public struct CatalogueConfiguration: Sendable {
    public var home: URL
    public var vocabularies: URL
    /// The offline JSON-LD contexts (a folder with `catalog.json`); nil: the project's
    /// `Ontologies/jsonld-contexts` when it can be found, else none (only inline contexts work).
    public var jsonldContexts: URL?

    public init(home: URL, vocabularies: URL, jsonldContexts: URL? = nil) {
        self.home = home
        self.vocabularies = vocabularies
        self.jsonldContexts = jsonldContexts
    }

    /// The SQLite catalogue: the source of truth.
    public var storePath: URL { home.appendingPathComponent("catalogue.sqlite") }
    /// The Xapian index: derived, rebuilt by `reindex`.
    public var indexPath: URL { home.appendingPathComponent("index") }
}
