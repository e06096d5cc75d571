import CatalogueModel
import Foundation
import GRDB

/// Turns `dataset` rows into model values, decoding the JSON straight from SQLite's buffer.
///
/// Reading through `withUnsafeData` hands the decoder the bytes SQLite already holds, so a batch of
/// records never exists as JSON `String`s as well as decoded values.
struct RecordReader {
    private let coder = RecordCoder()

    /// Reads a row of ``DatasetTable/recordColumns``.
    func record(from row: Row) throws -> CatalogueRecord {
        let key = DatasetKey(node: row[0], id: row[1])
        return CatalogueRecord(
            key: key,
            raw: try row.withUnsafeData(atIndex: 2) { try coder.raw(from: $0, key: key) },
            normalised: try normalised(from: row, at: 3, key: key),
            contentHash: row[4],
            source: row[5],
            importedAt: StoredTime.date(row[6]))
    }

    /// Reads the normalised JSON in column `index` of a row whose first two columns are the key.
    func normalised(from row: Row, at index: Int, key: DatasetKey) throws -> NormalisedDataset {
        try row.withUnsafeData(atIndex: index) { try coder.normalised(from: $0, key: key) }
    }
}
