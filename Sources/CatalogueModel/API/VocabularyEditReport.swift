/// What a committed vocabulary change did: the JSON answer of `catalogue vocab … --json`.
public struct VocabularyEditReport: Codable, Hashable, Sendable {
    public var change: Int
    public var kind: String
    public var summary: String
    /// Datasets whose lookups the change touched, all re-normalised.
    public var datasetsRenormalised: Int
    /// Of those, the ones whose normalised record changed.
    public var datasetsChanged: Int
    /// Quality warnings the change introduced (errors refuse a change instead).
    public var warnings: [String]
    /// Wall-clock seconds from the edit to the index commit.
    public var seconds: Double
    /// Where the time went, in seconds: `check`, `find` (affected datasets), `read` (their raw
    /// records), `normalise`, `store` (one transaction), `index`.
    public var timings: [String: Double]

    public init(change: Int, kind: String, summary: String, datasetsRenormalised: Int, datasetsChanged: Int, warnings: [String], seconds: Double, timings: [String: Double] = [:]) {
        self.timings = timings
        self.change = change
        self.kind = kind
        self.summary = summary
        self.datasetsRenormalised = datasetsRenormalised
        self.datasetsChanged = datasetsChanged
        self.warnings = warnings
        self.seconds = seconds
    }
}
