import CatalogueModel
import Crypto
import Foundation

extension CatalogueRecord {
    /// A record for `normalised`'s dataset with its content hash computed and its time rounded to
    /// what the catalogue stores, so that the record read back equals this one.
    ///
    /// The key is the normalised record's node and id; the raw record must have the same
    /// identifier (the store checks).
    public init(
        raw: RawDataset, normalised: NormalisedDataset, source: String, importedAt: Date = Date(),
        normalisationKeys: [String] = []
    ) {
        self.init(
            key: DatasetKey(node: normalised.node, id: normalised.id),
            raw: raw, normalised: normalised,
            contentHash: Self.contentHash(of: raw),
            source: source,
            importedAt: StoredTime.rounded(importedAt),
            normalisationKeys: normalisationKeys)
    }

    /// Lower-case hex SHA-256 of `raw`'s canonical JSON (sorted keys, as stored in the catalogue):
    /// equal for equal records, so a re-harvest can tell unchanged records without comparing them
    /// field by field.
    public static func contentHash(of raw: RawDataset) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: RecordCoder().canonicalJSON(raw)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
