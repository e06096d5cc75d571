import CatalogueModel
import Foundation

/// Everything one harvest run of one node found, before anything is stored.
///
/// The caller stores it only when ``failure`` is nil: a failed or partial run leaves the node's
/// records as they were, and is recorded with its reason.
public struct HarvestOutcome: Sendable {
    public var node: String
    public var endpoint: String
    public var startedAt: Date
    public var finishedAt: Date
    public var pages: [PageReport] = []
    /// The datasets of the pages read this time, first description kept on duplicates.
    public var datasets: [HarvestedDataset] = []
    /// Identifiers listed by pages that answered "not modified": stored as they are.
    public var carriedIdentifiers: [String] = []
    public var warnings: [HarvestWarning] = []
    /// What to send and remember next time, per page URL; valid only for a complete run.
    public var pageStates: [PageState] = []
    public var failure: HarvestError?

    public init(node: String, endpoint: String, startedAt: Date) {
        self.node = node
        self.endpoint = endpoint
        self.startedAt = startedAt
        self.finishedAt = startedAt
    }

    public var isComplete: Bool { failure == nil }

    /// Every identifier the node lists now: the records to keep.
    public var listedIdentifiers: Set<String> { Set(datasets.map(\.raw.identifier)).union(carriedIdentifiers) }

    /// Records the node described but that could not be imported.
    public var failedRecords: Int {
        warnings.count { $0.kind == .recordFailed || $0.kind == .unusableDataset }
    }
}

/// One dataset as harvested, with the page it came from.
public struct HarvestedDataset: Sendable {
    public var raw: RawDataset
    /// The page URL (or file name) that described it.
    public var source: String

    public init(raw: RawDataset, source: String) {
        self.raw = raw
        self.source = source
    }
}

/// What happened to one page.
public struct PageReport: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case read(datasets: Int)
        case notModified(datasets: Int)
        case failed(String)
    }

    public var url: String
    public var status: Status
    public var bytes: Int

    public init(url: String, status: Status, bytes: Int) {
        self.url = url
        self.status = status
        self.bytes = bytes
    }
}

/// What a complete run learnt about one page, kept for the next run: the validators for a
/// conditional request, and what the page listed, so a "304 Not Modified" page can be walked
/// without its body.
public struct PageState: Codable, Hashable, Sendable {
    public var url: String
    public var validators: CacheValidators
    /// Pages the page led to (its next page, an FDP's catalogues or datasets), in order.
    public var links: [PageLink]
    /// Identifiers of the datasets the page described.
    public var identifiers: [String]

    public init(url: String, validators: CacheValidators, links: [PageLink], identifiers: [String]) {
        self.url = url
        self.validators = validators
        self.links = links
        self.identifiers = identifiers
    }
}

/// A page to read and what it is expected to be.
public struct PageLink: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable {
        /// A page of a catalogue (the first one, or one reached by a next link).
        case catalogue
        /// An FDP root, catalogue or dataset resource.
        case fdpRoot, fdpCatalogue, fdpDataset
        /// An FDP distribution resource described on its own page, for the dataset named by `owner`.
        case fdpDistribution
    }

    public var url: String
    public var role: Role
    /// For a distribution page: the identifier of the dataset it belongs to.
    public var owner: String?
    /// Reached by a next link (a loop through next links is a paging loop).
    public var isNextPage: Bool

    public init(url: String, role: Role, owner: String? = nil, isNextPage: Bool = false) {
        self.url = url
        self.role = role
        self.owner = owner
        self.isNextPage = isNextPage
    }
}
