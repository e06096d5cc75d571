/// What one harvest of one node did: the run as stored, its warnings, the pages that failed, and
/// the values no vocabulary could map.
public struct HarvestReport: Codable, Hashable, Sendable {
    public var run: HarvestRun
    public var warnings: [HarvestWarning]
    public var unmapped: [UnmappedValue]

    public init(run: HarvestRun, warnings: [HarvestWarning], unmapped: [UnmappedValue]) {
        self.run = run
        self.warnings = warnings
        self.unmapped = unmapped
    }
}
