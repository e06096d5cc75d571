import CatalogueModel
import Foundation

/// The JSON forms of raw and normalised records, as stored and as hashed.
///
/// The encoding is canonical: sorted keys, no whitespace, unescaped slashes (IRIs are full of
/// them), nil optionals left out, non-finite numbers as the strings `"Infinity"`, `"-Infinity"`
/// and `"NaN"` — byte for byte what `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// writes for these types, so any JSON tool (and `JSONDecoder` with a matching non-conforming
/// float strategy) reads the columns. The hand-written ``JSONWriter`` and ``JSONReader`` do the
/// work because Foundation's coders cost ~75 µs per record on Linux, ten times the rest of an
/// import. Encoding cannot fail. The raw column holds exactly the bytes `contentHash` digests; a
/// new field in `RawDataset` changes hashes once (every record then counts as updated on its next
/// import), which is harmless.
///
/// Public (with its coding functions) only so that the libFuzzer targets under `Fuzz/`, built in
/// release where `@testable import` is not available, can feed arbitrary bytes to the decoders.
public struct RecordCoder: Sendable {
    public init() {}

    public func canonicalJSON(_ raw: RawDataset) -> [UInt8] {
        var json = JSONWriter()
        raw.write(to: &json)
        return json.bytes
    }

    public func json(_ raw: RawDataset) -> String {
        String(decoding: canonicalJSON(raw), as: UTF8.self)
    }

    public func json(_ normalised: NormalisedDataset) -> String {
        var json = JSONWriter()
        normalised.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    public func raw(from data: Data?, key: DatasetKey) throws -> RawDataset {
        try decode(data, key: key, column: "raw", RawDataset.read)
    }

    public func normalised(from data: Data?, key: DatasetKey) throws -> NormalisedDataset {
        try decode(data, key: key, column: "normalised", NormalisedDataset.read)
    }

    private func decode<T>(
        _ data: Data?, key: DatasetKey, column: String, _ read: (inout JSONReader) throws -> T
    ) throws -> T {
        guard let data else {
            throw CatalogueStoreError.corruptRecord(key: key, column: column, message: "no value")
        }
        do {
            return try data.withUnsafeBytes { buffer in
                var reader = JSONReader(buffer.bindMemory(to: UInt8.self))
                let value = try read(&reader)
                try reader.end()
                return value
            }
        } catch let error as JSONReadError {
            throw CatalogueStoreError.corruptRecord(key: key, column: column, message: error.message)
        }
    }
}
