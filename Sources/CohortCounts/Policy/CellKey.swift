import Crypto

/// Cell keys: a per-subject pseudorandom value, summed over the subjects a count covers.
///
/// Why: the noise for a count must depend only on *which* subjects are counted, not
/// on how the query was phrased, so the same cell always gets the same noise and
/// re-asking gives nothing new. A keyed HMAC makes the per-subject values
/// unpredictable without the node's secret; a wrapping sum makes the cell key
/// independent of the order subjects are visited in, and of how the set was built.
enum CellKey {
    /// Domain-separation prefix so these MACs can never collide with other uses of the secret.
    static let subjectPrefix = "subject|"

    /// rk(s): the first 8 bytes, big-endian, of HMAC-SHA256(secret, "subject|" + subjectUID).
    static func subjectKey(secret: SymmetricKey, subjectUID: String) -> UInt64 {
        let message = Array((subjectPrefix + subjectUID).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: secret)
        return mac.withUnsafeBytes { bigEndianUInt64(fromFirst8Of: $0) }
    }

    /// The cell key of a set of subjects: the wrapping sum of their subject keys.
    ///
    /// Addition mod 2⁶⁴ is commutative and associative, so order does not matter and
    /// per-partition keys can be combined later.
    static func combine(_ subjectKeys: some Sequence<UInt64>) -> UInt64 {
        subjectKeys.reduce(0, &+)
    }

    private static func bigEndianUInt64(fromFirst8Of bytes: UnsafeRawBufferPointer) -> UInt64 {
        bytes.prefix(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
