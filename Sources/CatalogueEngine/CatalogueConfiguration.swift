import Foundation

/// Where one catalogue lives: its data folder (SQLite catalogue + Xapian index) and its vocabularies.
public struct CatalogueConfiguration: Sendable {
    public var home: URL
    public var vocabularies: URL

    public init(home: URL, vocabularies: URL) {
        self.home = home
        self.vocabularies = vocabularies
    }

    /// The SQLite catalogue: the source of truth.
    public var storePath: URL { home.appendingPathComponent("catalogue.sqlite") }
    /// The Xapian index: derived, rebuilt by `reindex`.
    public var indexPath: URL { home.appendingPathComponent("index") }
}
