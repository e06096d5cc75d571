/// A node of the federation as the API lists it: `{"id", "name", "datasets", "lastRun"}`.
public struct NodeSummary: Codable, Hashable, Sendable {
    public var id: String
    public var name: String?
    /// Datasets the catalogue holds from the node (withdrawn ones not counted).
    public var datasets: Int
    /// The node's most recent harvest run, null when it was only ever imported from files.
    public var lastRun: HarvestRun?

    public init(id: String, name: String?, datasets: Int, lastRun: HarvestRun?) {
        self.id = id
        self.name = name
        self.datasets = datasets
        self.lastRun = lastRun
    }

    enum CodingKeys: String, CodingKey { case id, name, datasets, lastRun }

    /// Absent values are `null`: every key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(datasets, forKey: .datasets)
        try container.encode(lastRun, forKey: .lastRun)
    }
}
