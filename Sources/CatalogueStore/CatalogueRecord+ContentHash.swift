import CatalogueModel
import Crypto
import Foundation

extension CatalogueRecord {
    /// A record for `normalised`'s dataset with its content hash computed and its time rounded to
    /// what the catalogue stores, so that the record read back equals this one.
    ///
    /// The key is the normalised record's node and id; the raw record must have the same
    /// identifier (the store checks).
    public init(raw: RawDataset, normalised: NormalisedDataset, source: String, importedAt: Date = Date()) {
        self.init(
            key: DatasetKey(node: normalised.node, id: normalised.id),
            raw: raw, normalised: normalised,
            contentHash: Self.contentHash(of: raw),
            source: source,
            importedAt: StoredTime.rounded(importedAt))
    }

    /// Lower-case hex SHA-256 of `raw`'s canonical JSON (sorted keys): equal for equal records, so
    /// a re-harvest can tell unchanged records without comparing them field by field.
    public static func contentHash(of raw: RawDataset) -> String {
        let json: Data
        do {
            json = try RecordCoder().canonicalJSON(raw)
        } catch {
            // Strings, integers and floats (non-finite ones as strings) always encode.
            preconditionFailure("RawDataset cannot be encoded: \(RecordCoder.describe(error))")
        }
        return SHA256.hash(data: json).map { byte in
            String(UInt8(byte), radix: 16).leftPadded(to: 2)
        }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
