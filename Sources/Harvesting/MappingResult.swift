import CatalogueModel

/// The datasets a graph describes, and what the mapping noticed on the way.
public struct MappingResult: Sendable {
    public var datasets: [RawDataset]
    public var warnings: [HarvestWarning]

    public init(datasets: [RawDataset] = [], warnings: [HarvestWarning] = []) {
        self.datasets = datasets
        self.warnings = warnings
    }
}
