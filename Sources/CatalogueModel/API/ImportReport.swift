/// What one import did: per file what was found, per dataset whether it was new, changed or the
/// same, the warnings raised, and the values no vocabulary could map.
public struct ImportReport: Codable, Hashable, Sendable {
    public struct FileSummary: Codable, Hashable, Sendable {
        public var source: String
        public var datasets: Int
        public init(source: String, datasets: Int) {
            self.source = source
            self.datasets = datasets
        }
    }

    public var node: String
    public var files: [FileSummary]
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var warnings: [HarvestWarning]
    public var unmapped: [UnmappedValue]

    public init(
        node: String, files: [FileSummary], inserted: Int, updated: Int, unchanged: Int,
        warnings: [HarvestWarning], unmapped: [UnmappedValue]
    ) {
        self.node = node
        self.files = files
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.warnings = warnings
        self.unmapped = unmapped
    }

    public var imported: Int { inserted + updated + unchanged }
}
