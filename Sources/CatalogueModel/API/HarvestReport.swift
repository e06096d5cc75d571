/// What one harvest of one node did: the run as stored, its warnings, the pages that failed, and
/// the values no vocabulary could map.
public struct HarvestReport: Codable, Hashable, Sendable {
    public var run: HarvestRun
    public var warnings: [HarvestWarning]
    public var unmapped: [UnmappedValue]
    /// Where the run's time went, for operators and benchmarks (not stored).
    public var timings: HarvestTimings?

    public init(run: HarvestRun, warnings: [HarvestWarning], unmapped: [UnmappedValue], timings: HarvestTimings? = nil) {
        self.run = run
        self.warnings = warnings
        self.unmapped = unmapped
        self.timings = timings
    }
}

/// Seconds spent in each stage of one harvest.
public struct HarvestTimings: Codable, Hashable, Sendable {
    /// Fetching, parsing and mapping every page.
    public var pages: Double
    public var normalise: Double
    /// The one SQLite transaction: upserts, withdrawals, the run record.
    public var store: Double
    /// Building the index documents and writing them to Xapian.
    public var index: Double

    public init(pages: Double, normalise: Double, store: Double, index: Double) {
        self.pages = pages
        self.normalise = normalise
        self.store = store
        self.index = index
    }
}
