/// A stored dataset's normalised record with its provenance, without the raw record: what search
/// results and listings show, read without decoding the raw JSON.
public struct NormalisedRecord: Hashable, Sendable, CustomStringConvertible {
    public var key: DatasetKey
    public var normalised: NormalisedDataset
    public var source: String

    public init(key: DatasetKey, normalised: NormalisedDataset, source: String) {
        self.key = key
        self.normalised = normalised
        self.source = source
    }

    public var description: String { "NormalisedRecord(\(key))" }
}
