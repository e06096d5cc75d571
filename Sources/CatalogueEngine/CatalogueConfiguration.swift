import Foundation

/// Where one catalogue lives: its data folder (SQLite catalogue + Xapian index) and its vocabularies.
public struct CatalogueConfiguration: Sendable {
    public var home: URL
    public var vocabularies: URL
    /// The offline JSON-LD contexts (a folder with `catalog.json`); nil: the project's
    /// `Ontologies/jsonld-contexts` when it can be found, else none (only inline contexts work).
    public var jsonldContexts: URL?
    /// Whether opening may create the catalogue when the home holds none (writing commands);
    /// reading commands set it false, so a mistyped home is an error.
    public var createIfMissing: Bool
    /// How long a writer waits for another writer of the same home before giving up.
    public var lockTimeout: Duration
    /// The node secret (subject pseudonyms and cell keys); nil: `node-secret` in the home. Keep it
    /// out of backups that leave the node.
    public var nodeSecret: URL?

    public init(
        home: URL, vocabularies: URL, jsonldContexts: URL? = nil, createIfMissing: Bool = true,
        lockTimeout: Duration = .seconds(60)
    ) {
        self.home = home
        self.vocabularies = vocabularies
        self.jsonldContexts = jsonldContexts
        self.createIfMissing = createIfMissing
        self.lockTimeout = lockTimeout
    }

    /// The SQLite catalogue: the source of truth.
    public var storePath: URL { home.appendingPathComponent("catalogue.sqlite") }
    /// The Xapian index: derived, rebuilt by `reindex`; a link to the generation in use.
    public var indexPath: URL { home.appendingPathComponent("index") }
    /// The cohort index (one document per subject): derived from the store's subjects.
    public var cohortIndexPath: URL { home.appendingPathComponent("cohort-index") }
    /// The hash-chained audit log of cohort counts (exact figures: the operator's eyes only).
    public var countAuditPath: URL { home.appendingPathComponent("count-audit.sqlite") }
    /// The count budget's journal: the queries each user asked in the last day, kept across restarts.
    public var countBudgetPath: URL { home.appendingPathComponent("count-budget.jsonl") }
    public var nodeSecretPath: URL { nodeSecret ?? home.appendingPathComponent("node-secret") }
}
