import CatalogueModel
import Foundation

/// The JSON forms of raw and normalised records, as stored and as hashed.
///
/// The encoder is canonical for a given toolchain: sorted keys, unescaped slashes (IRIs are full of
/// them), and non-finite numbers written as strings so that encoding these model types cannot fail.
/// The raw column holds exactly the bytes that `contentHash` digests. A new Foundation that formats
/// numbers differently, or a new field in `RawDataset`, changes hashes once: every record then
/// counts as updated on its next import, which is harmless.
struct RecordCoder {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    }

    func encode(_ value: some Encodable, key: DatasetKey, column: String) throws -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw CatalogueStoreError.cannotEncode(key: key, column: column, message: Self.describe(error))
        }
    }

    func canonicalJSON(_ raw: RawDataset) throws -> Data {
        try encoder.encode(raw)
    }

    func decode<T: Decodable>(_ type: T.Type, from data: Data?, key: DatasetKey, column: String) throws -> T {
        guard let data else {
            throw CatalogueStoreError.corruptRecord(key: key, column: column, message: "no value")
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw CatalogueStoreError.corruptRecord(key: key, column: column, message: Self.describe(error))
        }
    }

    /// A coding error without the values involved: its kind and where in the record it happened.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else {
            return error is EncodingError ? "a value cannot be written as JSON" : "\(type(of: error))"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "missing \(type) at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "cannot decode"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the top level" }
        return codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
