/// What a running harvest reports after each page, for a progress bar or a log.
public struct HarvestProgress: Sendable {
    public var node: String
    public var pagesRead: Int
    /// Pages known to be waiting (FDP datasets found but not yet read, a next link).
    public var pagesQueued: Int
    public var datasets: Int
    /// The total the node announced (`hydra:totalItems`), when it did.
    public var announcedTotal: Int?
    public var lastURL: String

    public init(node: String, pagesRead: Int, pagesQueued: Int, datasets: Int, announcedTotal: Int?, lastURL: String) {
        self.node = node
        self.pagesRead = pagesRead
        self.pagesQueued = pagesQueued
        self.datasets = datasets
        self.announcedTotal = announcedTotal
        self.lastURL = lastURL
    }

    /// Done so far, between 0 and 1, when it can be told.
    public var fraction: Double? {
        if let announcedTotal, announcedTotal > 0 { return min(1, Double(datasets) / Double(announcedTotal)) }
        let known = pagesRead + pagesQueued
        return pagesQueued > 0 && known > 0 ? Double(pagesRead) / Double(known) : nil
    }
}
