import Foundation

/// A data node of the federation as the catalogue knows it: created by its first import.
public struct CatalogueNode: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The node identifier used in dataset keys, filters and file names.
    public var id: String
    /// A display name, when one was registered; callers fall back to `id`.
    public var name: String?
    public var createdAt: Date
    /// Datasets currently stored for the node.
    public var datasetCount: Int

    public init(id: String, name: String? = nil, createdAt: Date, datasetCount: Int = 0) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.datasetCount = datasetCount
    }

    public var description: String { "CatalogueNode(\(id), \(datasetCount) datasets)" }
}
