/// One raw value the normaliser could not map, counted over the whole catalogue: a line of the
/// curators' queue, most frequent first.
public struct UnmappedValueSummary: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The dataset field it came from (`cancerType`, `modality`, `bodySite`, …).
    public var field: String
    public var value: String
    /// How many datasets carry this value in this field.
    public var datasetCount: Int
    /// A few of those datasets, in key order, so a curator can look at the value in context.
    public var examples: [DatasetKey]
    /// Datasets per node carrying it.
    public var nodes: [String: Int]
    /// For a value from subject files (field `subject.cancerType`, …): how many subjects carry it.
    /// Only the number: the subjects themselves never reach the queue.
    public var subjects: Int?

    public init(field: String, value: String, datasetCount: Int, examples: [DatasetKey], nodes: [String: Int] = [:]) {
        self.field = field
        self.value = value
        self.datasetCount = datasetCount
        self.examples = examples
        self.nodes = nodes
    }

    /// Field and count only: the value itself is harvested text and stays out of logs.
    public var description: String { "UnmappedValueSummary(\(field), \(datasetCount) datasets)" }
}
