import Foundation

/// One harvest of one node, as the catalogue records it: every run, complete or not, so an
/// operator can see when a node last answered and what changed.
public struct HarvestRun: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Every page was read: records were upserted and the ones the node no longer lists withdrawn.
        case complete
        /// Paging stopped on a guard (a loop, the page limit): nothing was written.
        case partial
        /// A page could not be fetched or read: nothing was written.
        case failed
        /// Every page was read, but the result is implausible (the node lists none of its
        /// datasets, or more than its `max_withdraw` share would be withdrawn): nothing was
        /// written until an operator accepts the withdrawals (`--accept-withdrawals RUN`).
        case held
    }

    /// Assigned by the catalogue when the run is stored; 0 before.
    public var id: Int64
    public var node: String
    /// The endpoint URL or local path harvested.
    public var endpoint: String
    public var status: Status
    public var startedAt: Date
    public var finishedAt: Date
    /// Pages fetched, including those that answered "not modified".
    public var pages: Int
    public var pagesNotModified: Int
    /// Datasets the node listed (read this time or carried by unchanged pages).
    public var listed: Int
    public var new: Int
    public var updated: Int
    public var unchanged: Int
    public var withdrawn: Int
    /// Records the node described but that could not be imported (no identifier, unreadable).
    public var failed: Int
    public var warningCount: Int
    /// Why the run did not complete.
    public var error: String?

    public init(
        id: Int64 = 0, node: String, endpoint: String, status: Status, startedAt: Date, finishedAt: Date,
        pages: Int = 0, pagesNotModified: Int = 0, listed: Int = 0, new: Int = 0, updated: Int = 0,
        unchanged: Int = 0, withdrawn: Int = 0, failed: Int = 0, warningCount: Int = 0, error: String? = nil
    ) {
        self.id = id
        self.node = node
        self.endpoint = endpoint
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.pages = pages
        self.pagesNotModified = pagesNotModified
        self.listed = listed
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.withdrawn = withdrawn
        self.failed = failed
        self.warningCount = warningCount
        self.error = error
    }

    public var description: String {
        "HarvestRun(\(id), \(node), \(status.rawValue): \(new) new, \(updated) updated, \(unchanged) unchanged, "
            + "\(withdrawn) withdrawn, \(failed) failed)"
    }
}
