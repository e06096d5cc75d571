import Foundation

/// An object member's name as ``JSONReader`` found it: the bytes in the document, or a decoded
/// copy when the name contained escapes.
///
/// Decoders match it with `switch key { case "identifier": … }`: the pattern operator compares
/// the bytes with the literal directly.
struct JSONKey: CustomStringConvertible {
    private let borrowed: UnsafeBufferPointer<UInt8>?
    private let owned: [UInt8]

    /// Valid only while the reader's buffer is.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        borrowed = bytes
        owned = []
    }

    init(_ bytes: [UInt8]) {
        borrowed = nil
        owned = bytes
    }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        pattern.withUTF8Buffer { literal in
            if let borrowed = key.borrowed { return equal(literal, borrowed) }
            return key.owned.withUnsafeBufferPointer { equal(literal, $0) }
        }
    }

    /// Length first, then `memcmp`: most literals a key is tried against differ in length.
    private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }

    var description: String {
        if let borrowed { return String(decoding: borrowed, as: UTF8.self) }
        return String(decoding: owned, as: UTF8.self)
    }
}
