/// What one import did to a node's records, by dataset key.
///
/// Keys rather than counts alone, so the caller can reindex exactly the datasets whose normalised
/// record changed (`changed`) and report the rest.
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
    public var node: String
    /// Datasets the node had not sent before.
    public var insertedKeys: [DatasetKey]
    /// Datasets whose raw record changed (a different content hash) and were replaced.
    public var updatedKeys: [DatasetKey]
    /// Datasets whose raw record was unchanged (same content hash); provenance was kept.
    public var unchangedKeys: [DatasetKey]
    /// The unchanged datasets whose normalised record nevertheless differed and was refreshed
    /// (the vocabulary changed since they were stored). A subset of `unchangedKeys`.
    public var renormalisedKeys: [DatasetKey]

    public init(
        node: String, insertedKeys: [DatasetKey] = [], updatedKeys: [DatasetKey] = [],
        unchangedKeys: [DatasetKey] = [], renormalisedKeys: [DatasetKey] = []
    ) {
        self.node = node
        self.insertedKeys = insertedKeys
        self.updatedKeys = updatedKeys
        self.unchangedKeys = unchangedKeys
        self.renormalisedKeys = renormalisedKeys
    }

    public var inserted: Int { insertedKeys.count }
    public var updated: Int { updatedKeys.count }
    public var unchanged: Int { unchangedKeys.count }

    /// Datasets whose stored normalised record is new or different: the ones to reindex.
    public var changedKeys: [DatasetKey] { insertedKeys + updatedKeys + renormalisedKeys }

    public var description: String {
        "\(node): \(inserted) inserted, \(updated) updated, \(unchanged) unchanged"
            + (renormalisedKeys.isEmpty ? "" : " (\(renormalisedKeys.count) re-normalised)")
    }
}
