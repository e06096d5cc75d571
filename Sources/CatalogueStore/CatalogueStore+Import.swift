import CatalogueModel
import Foundation

extension CatalogueStore {
    /// Stores a node's records in one transaction, replacing that node's earlier records with the
    /// same identifiers.
    ///
    /// The node is created on its first import. Records of the node that are not in `records`, and
    /// every other node's records, are left as they are: withdrawing a record is a separate,
    /// deliberate step, taken only after a complete harvest (``withdrawRecords(node:keeping:)``). If anything fails (a constraint, a
    /// full disk) nothing of the import is kept.
    ///
    /// A record whose content hash equals the stored one is **unchanged**: its raw record,
    /// provenance (`source`, `importedAt`) and import run stay as first stored, because the content
    /// is the same as then. Its normalised record is still written when it differs from the stored
    /// one, because the normalised form depends on the vocabulary as well as on the raw record:
    /// the caller normalised it with the vocabulary in force now, and a catalogue that kept the
    /// older form would disagree with the search index built from the new one. Such records are
    /// listed in ``ImportSummary/renormalisedKeys``.
    ///
    /// - Parameters:
    ///   - records: the node's records; every key must belong to `node` and appear once.
    ///   - node: the node identifier.
    ///   - source: what the run read (an endpoint URL or a file name), recorded on the import run;
    ///     when nil, the records' common source if they share one.
    /// - Returns: the keys inserted, updated, unchanged and re-normalised, in input order.
    /// - Throws: ``CatalogueStoreError/duplicateKey(_:)`` or
    ///   ``CatalogueStoreError/invalidContentHash(_:)`` before writing anything;
    ///   ``CatalogueStoreError/writeFailed(key:message:)`` naming the record SQLite refused.
    @discardableResult
    public func importRecords(_ records: [CatalogueRecord], node: String, source: String? = nil) throws -> ImportSummary {
        for record in records { Self.checkConsistency(record, node: node) }
        try Self.validate(records)
        let startedAt = Date()
        let runSource = source ?? Self.commonSource(of: records)
        return try write { db in
            var importer = try RecordImporter(db: db, node: node, source: runSource, startedAt: startedAt)
            try importer.store(records)
            return try importer.finish(at: Date())
        }
    }

    /// A record whose parts name different datasets is a bug in the caller, not bad data.
    private static func checkConsistency(_ record: CatalogueRecord, node: String) {
        precondition(record.key.node == node, "record \(record.key) imported as node \(node)")
        precondition(record.raw.identifier == record.key.id, "raw record of \(record.key) has another identifier")
        precondition(
            record.normalised.node == record.key.node && record.normalised.id == record.key.id,
            "normalised record of \(record.key) names another dataset")
    }

    /// Checks what SQL cannot check cheaply, before anything is written. (A `CHECK` that the hash
    /// is hex costs SQLite about 3 µs per row, 7 % of an import; here it is a 64-byte loop.)
    static func validate(_ records: [CatalogueRecord]) throws {
        var seen = Set<String>(minimumCapacity: records.count)
        for record in records {
            guard seen.insert(record.key.id).inserted else { throw CatalogueStoreError.duplicateKey(record.key) }
            guard isHexSHA256(record.contentHash) else { throw CatalogueStoreError.invalidContentHash(record.key) }
        }
    }

    private static func isHexSHA256(_ hash: String) -> Bool {
        hash.utf8.count == 64 && hash.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func commonSource(of records: [CatalogueRecord]) -> String? {
        guard let first = records.first?.source else { return nil }
        return records.allSatisfy { $0.source == first } ? first : nil
    }
}
