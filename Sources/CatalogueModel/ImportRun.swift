import Foundation

/// One call that imported records for a node, as recorded in the catalogue: provenance for curators
/// and admins ("when did this node last send anything, and what changed?").
public struct ImportRun: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Increasing with every run; the catalogue notes which run last wrote each record.
    public var id: Int64
    public var node: String
    /// What the run read when one name covers it (an endpoint URL, a file); nil when records came
    /// from several sources (each record keeps its own).
    public var source: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int

    public init(
        id: Int64, node: String, source: String?, startedAt: Date, finishedAt: Date,
        inserted: Int, updated: Int, unchanged: Int
    ) {
        self.id = id
        self.node = node
        self.source = source
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }

    public var description: String {
        "ImportRun(\(id), \(node): \(inserted) inserted, \(updated) updated, \(unchanged) unchanged)"
    }
}
