import Foundation

/// One dataset as `GET /api/v1/datasets/{node}/{id}` shows it: the Dataset of the JSON contract,
/// with where it came from and the record as harvested, before normalisation.
public struct DatasetDetail: Encodable, Sendable {
    /// Where and when the catalogue read the record.
    public struct Provenance: Codable, Hashable, Sendable {
        public var node: String
        /// The source file name or the URL of the harvested page.
        public var source: String
        /// When this content was first stored (kept while re-harvests find it unchanged).
        public var importedAt: Date

        public init(node: String, source: String, importedAt: Date) {
            self.node = node
            self.source = source
            self.importedAt = importedAt
        }
    }

    public var dataset: DatasetView
    public var provenance: Provenance
    /// The harvested record, as the harvester read it.
    public var raw: RawDataset
    /// Every value that mapped to a concept, facets first, with its method.
    public var mappings: [MappedValue]

    public init(dataset: DatasetView, provenance: Provenance, raw: RawDataset, mappings: [MappedValue] = []) {
        self.dataset = dataset
        self.provenance = provenance
        self.raw = raw
        self.mappings = mappings
    }

    enum CodingKeys: String, CodingKey { case provenance, raw, mappings }

    /// The Dataset's keys at the top level (it is a Dataset, extended), then `provenance`, `raw`, `mappings`.
    public func encode(to encoder: any Encoder) throws {
        try dataset.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(provenance, forKey: .provenance)
        try container.encode(raw, forKey: .raw)
        try container.encode(mappings, forKey: .mappings)
    }
}
