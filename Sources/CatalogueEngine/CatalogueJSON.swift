import CatalogueModel
import Foundation

/// The one JSON encoding of the contract in docs/cli.md, for the CLI's `--json` and the server's
/// responses: keys sorted (stable, diffable output), slashes unescaped, dates as ISO 8601.
public enum CatalogueJSON {
    /// Pretty-printed for a terminal; compact for the wire.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Compact answers that write their own JSON (``JSONWritable``: the same bytes) skip `JSONEncoder`.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        if !pretty, let writable = value as? any JSONWritable {
            var writer = JSONWriter(capacity: 64 * 1_024)
            writable.write(to: &writer)
            return Data(writer.bytes)
        }
        return try encoder(pretty: pretty).encode(value)
    }
}
