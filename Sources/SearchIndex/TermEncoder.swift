/// Builds index terms from prefixes and values, within Xapian's 245-byte term limit.
///
/// A value too long for a term is stored as a hash, and the hash → value pair is kept in the
/// database's metadata so facet counts can still return the original value.
enum TermEncoder {
    static let maximumTermBytes = 240
    static let hashedMarker = "#"

    struct Term {
        var text: String
        /// Set when `text` is a hash standing for this value.
        var hashedValue: String?
    }

    static func term(prefix: String, value: String) -> Term {
        let plain = prefix + value
        guard plain.utf8.count > maximumTermBytes else { return Term(text: plain) }
        return Term(text: prefix + hashedMarker + fnv1a64(value), hashedValue: value)
    }

    static func metadataKey(forHashedTerm term: String) -> String { "term:" + term }

    /// FNV-1a, 64 bits, hex: stable across runs and platforms (Swift's Hasher is seeded per process).
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
