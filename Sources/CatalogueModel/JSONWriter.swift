/// Writes compact JSON into a byte buffer, for the hand-written encoders of the store's records and
/// of the API's largest answers (``JSONWritable``).
///
/// Foundation's `JSONEncoder` costs about 75 µs for one 1.5 kB raw record on Linux (generic
/// `Codable` dispatch, boxing, metadata lookups), which alone would cap an import below 7,000
/// records/s. This writer does the same job in a few microseconds. Its output matches
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` for the catalogue's types: callers
/// write keys in sorted order, optionals that are nil are left out, and non-finite numbers are
/// written as the strings `"Infinity"`, `"-Infinity"` and `"NaN"`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member of the innermost object or array needs a comma before it.
    private var needsComma = false

    public init(capacity: Int = 2_048) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in elements { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a key that is data (a predicate IRI), escaped like a string value.
    public mutating func key(string key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"key":` inside an object; the value must follow.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaping($0) }) == nil {
            // A bridged or otherwise non-contiguous string: copy it once.
            Array(value.utf8).withUnsafeBufferPointer { appendEscaping($0) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Appends UTF-8 text, escaping what JSON requires, in as few appends as the text allows.
    private mutating func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            appendEscaped(byte)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Swift's shortest round-trip form without a trailing `.0` (`18`, `18.5`, `-0`, `1e+20`),
    /// which is how `JSONEncoder` writes doubles.
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            string(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
            return
        }
        separate()
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// A member whose nil value is written as `null` (the contract's explicit absent values).
    public mutating func nullable(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func nullable(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    public mutating func nullable(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { double(value) } else { null() }
    }

    /// An object of string keys in sorted order (as `JSONEncoder`'s `.sortedKeys` orders them).
    public mutating func dictionary<Value>(_ entries: [String: Value], _ value: (inout JSONWriter, Value) -> Void) {
        object { writer in
            for key in entries.keys.sorted() {
                writer.key(string: key)
                value(&writer, entries[key]!)
            }
        }
    }

    // MARK: Members, leaving out nil optionals as synthesised `Codable` does

    public mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: String?) {
        if let value { member(name, value) }
    }

    public mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    public mutating func member(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    public mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        array(strings) { $0.string($1) }
    }

    // MARK: Private

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
