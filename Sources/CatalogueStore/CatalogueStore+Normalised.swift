import CatalogueModel
import GRDB

extension CatalogueStore {
    /// Replaces stored normalised records (and their unmapped values) in one transaction, leaving
    /// raw records, content hashes and provenance as they are.
    ///
    /// This is re-normalisation after a vocabulary change: the raw records did not change, only
    /// what they mean. Either every update is written or none is.
    ///
    /// - Returns: the keys whose normalised record actually changed (the ones to reindex), in input
    ///   order.
    /// - Throws: ``CatalogueStoreError/unknownDataset(_:)`` when a key is not in the catalogue.
    @discardableResult
    public func replaceNormalised(_ updates: [(DatasetKey, NormalisedDataset)]) throws -> [DatasetKey] {
        for (key, normalised) in updates {
            precondition(
                normalised.node == key.node && normalised.id == key.id,
                "normalised record for \(key) names another dataset")
        }
        let coder = RecordCoder()
        return try write { db in
            var changed: [DatasetKey] = []
            for (key, normalised) in updates {
                if try Self.replaceNormalised(key, normalised, coder: coder, in: db) { changed.append(key) }
            }
            return changed
        }
    }

    static func replaceNormalised(
        _ key: DatasetKey, _ normalised: NormalisedDataset, coder: RecordCoder, in db: Database
    ) throws -> Bool {
        let json = coder.json(normalised)
        do {
            if try DatasetTable.replaceNormalised(of: key, title: normalised.title, json: json, in: db) {
                try DatasetTable.replaceUnmapped(of: key, with: normalised.unmapped, in: db)
                return true
            }
            guard try DatasetTable.exists(key, in: db) else { throw CatalogueStoreError.unknownDataset(key) }
            return false
        } catch let error as DatabaseError {
            throw CatalogueStoreError.writeFailed(key: key, message: error.storeMessage)
        }
    }

    /// Replaces normalised records with their lookup keys (see the normaliser's probe keys), in
    /// one transaction: re-normalising datasets stored before the keys existed.
    public func replaceNormalised(_ updates: [(key: DatasetKey, normalised: NormalisedDataset, keys: [String])]) throws {
        let coder = RecordCoder()
        try write { db in
            var probes = try ProbeTable.Writer(db)
            for update in updates {
                _ = try Self.replaceNormalised(update.key, update.normalised, coder: coder, in: db)
            }
            try probes.replace(updates.map { ($0.key, $0.keys) })
        }
    }
}
