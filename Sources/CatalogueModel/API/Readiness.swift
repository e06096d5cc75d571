/// `GET /readyz`: the catalogue can be read and its index agrees with the store.
public struct Readiness: Codable, Hashable, Sendable {
    public var status: String
    public var datasets: Int
    /// The index's revision (Xapian's, grows with every commit).
    public var indexRevision: Int

    public init(status: String, datasets: Int, indexRevision: Int) {
        self.status = status
        self.datasets = datasets
        self.indexRevision = indexRevision
    }
}
