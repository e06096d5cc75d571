import CatalogueModel
import Foundation

/// What a harvest run asks the catalogue to write, all in one transaction.
public struct HarvestCommit: Sendable {
    /// The run as it ended; its counts of records are filled in by the store.
    public var run: HarvestRun
    public var warnings: [HarvestWarning]
    /// The node's records read this time (complete runs only).
    public var records: [CatalogueRecord]
    /// Every identifier the node lists now; the node's other records are withdrawn. Nil for a run
    /// that must not withdraw anything.
    public var listedIdentifiers: Set<String>?
    /// The harvester's page memory for the next run (a JSON array), saved with a complete run.
    public var harvestStateJSON: String?
    /// For a held run: the identifiers it would withdraw, kept so that an operator's acceptance
    /// can be checked against exactly what was held.
    public var heldWithdrawals: [String] = []
    /// The node's display name and country from the federation configuration.
    public var nodeName: String?
    public var nodeCountry: String?

    public init(
        run: HarvestRun, warnings: [HarvestWarning], records: [CatalogueRecord] = [],
        listedIdentifiers: Set<String>? = nil, harvestStateJSON: String? = nil,
        nodeName: String? = nil, nodeCountry: String? = nil
    ) {
        self.run = run
        self.warnings = warnings
        self.records = records
        self.listedIdentifiers = listedIdentifiers
        self.harvestStateJSON = harvestStateJSON
        self.nodeName = nodeName
        self.nodeCountry = nodeCountry
    }
}

/// What a stored harvest changed, for the caller to update the index.
public struct HarvestCommitResult: Sendable {
    public var run: HarvestRun
    public var summary: ImportSummary
    public var withdrawnKeys: [DatasetKey]
}
