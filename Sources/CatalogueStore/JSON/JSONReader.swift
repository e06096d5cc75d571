import CatalogueModel
/// Reads compact JSON from a byte buffer, for the record types' hand-written decoders.
///
/// The counterpart of ``JSONWriter``: `JSONDecoder` costs about 80 µs per raw record on Linux,
/// which would make reindexing 100,000 datasets take minutes. This reader walks the bytes once,
/// without building an intermediate tree, and hands each object member to the caller by key.
/// It accepts any valid JSON (whitespace, escapes, members in any order, unknown members, which it
/// skips) so that JSON written by `JSONEncoder` or by hand reads as well as its own.
///
/// Errors say what was expected and where (a path such as `.titles[0].value`), never the value.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads one object, calling `member` with each key. `member` reads the value and returns
    /// true, or returns false without reading it for a key it does not know, and the reader skips
    /// the value. Unknown keys never appear in error paths: they are data, not schema.
    mutating func object(_ member: (JSONKey, inout JSONReader) throws -> Bool) throws {
        try expect(UInt8(ascii: "{"), else: "an object")
        if try consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try self.key()
            try expect(UInt8(ascii: ":"), else: "':'")
            let known: Bool
            do {
                known = try member(key, &self)
            } catch var error as JSONReadError {
                error.path.insert(".\(key)", at: 0)
                throw error
            }
            if !known { try skipValue() }
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), else: "'}' or ','")
    }

    mutating func array<T>(_ element: (inout JSONReader) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["), else: "an array")
        var elements: [T] = []
        if try consume(UInt8(ascii: "]")) { return elements }
        repeat {
            do {
                elements.append(try element(&self))
            } catch var error as JSONReadError {
                error.path.insert("[\(elements.count)]", at: 0)
                throw error
            }
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"), else: "']' or ','")
        return elements
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), else: "a string")
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            case 0..<0x20:
                // RFC 8259: control characters are escaped in strings; the JSON-LD parser agrees.
                throw JSONReadError(.invalidJSON)
            default:
                position += 1
            }
        }
        throw JSONReadError(.invalidJSON)
    }

    /// A member name, compared in place: keys are matched against the decoders' literals
    /// without becoming `String`s, which is most of what decoding a record would otherwise cost.
    private mutating func key() throws -> JSONKey {
        try expect(UInt8(ascii: "\""), else: "a string")
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                defer { position += 1 }
                return JSONKey(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            case UInt8(ascii: "\\"):
                return JSONKey(Array(try escapedString(from: start).utf8))
            case 0..<0x20:
                throw JSONReadError(.invalidJSON)
            default:
                position += 1
            }
        }
        throw JSONReadError(.invalidJSON)
    }

    mutating func int() throws -> Int {
        guard let value = Int(try numberText()) else { throw JSONReadError(.expected("an integer")) }
        return value
    }

    /// A number, or one of the strings `JSONWriter` uses for non-finite values.
    mutating func double() throws -> Double {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            switch try string() {
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            case "NaN": return .nan
            default: throw JSONReadError(.expected("a number"))
            }
        }
        guard let value = Double(try numberText()) else { throw JSONReadError(.expected("a number")) }
        return value
    }

    mutating func bool() throws -> Bool {
        if try literal("true") { return true }
        if try literal("false") { return false }
        throw JSONReadError(.expected("true or false"))
    }

    /// Consumes a `null` if one comes next: how optional members read an explicit null.
    mutating func null() throws -> Bool {
        try literal("null")
    }

    mutating func optionalString() throws -> String? { try null() ? nil : string() }
    mutating func optionalInt() throws -> Int? { try null() ? nil : int() }
    mutating func optionalDouble() throws -> Double? { try null() ? nil : double() }
    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// Skips any value: members the decoders do not know (written by a newer version).
    mutating func skipValue() throws {
        skipWhitespace()
        guard position < bytes.count else { throw JSONReadError(.invalidJSON) }
        switch bytes[position] {
        case UInt8(ascii: "{"): try object { _, _ in false }
        case UInt8(ascii: "["): _ = try array { try $0.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard try null() else { throw JSONReadError(.invalidJSON) }
        default: _ = try numberText()
        }
    }

    /// Checks that nothing but whitespace follows the value just read.
    mutating func end() throws {
        skipWhitespace()
        guard position == bytes.count else { throw JSONReadError(.invalidJSON) }
    }

    // MARK: Private

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw JSONReadError(.invalidJSON) }
        guard bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ byte: UInt8, else expected: String) throws {
        guard try consume(byte) else {
            throw JSONReadError(expected.hasPrefix("'") ? .invalidJSON : .expected(expected))
        }
    }

    private mutating func literal(_ word: StaticString) throws -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { word in
            (0..<count).allSatisfy { bytes[position + $0] == word[$0] }
        }
        if matches { position += count }
        return matches
    }

    private mutating func numberText() throws -> Substring {
        skipWhitespace()
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                return try number(from: start)
            }
        }
        return try number(from: start)
    }

    /// The number's text, when it follows RFC 8259's grammar (as the JSON-LD parser requires):
    /// no leading zeros, no `+`, digits after `.` and `e`.
    private func number(from start: Int) throws -> Substring {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard position > start else { throw JSONReadError(.expected("a number")) }
        guard JSONNumberGrammar.isNumber(text) else { throw JSONReadError(.expected("a number")) }
        return Substring(decoding: text, as: UTF8.self)
    }

    /// The slow path of `string()`, from the first backslash on.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw JSONReadError(.invalidJSON)
            default:
                utf8.append(byte)
            }
        }
        throw JSONReadError(.invalidJSON)
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws {
        guard position < bytes.count else { throw JSONReadError(.invalidJSON) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "u"):
            let unit = try hex4()
            var low: UInt32?
            if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                position += 2
                low = try hex4()
            }
            // Half a surrogate pair is refused, as by the JSON-LD parser (JSONNumberGrammar).
            guard let unicode = JSONNumberGrammar.scalar(unit, low: low) else { throw JSONReadError(.invalidJSON) }
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw JSONReadError(.invalidJSON)
        }
    }

    /// Exactly four hex digits (no sign, which `UInt32(_:radix:)` would take).
    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw JSONReadError(.invalidJSON) }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = JSONNumberGrammar.hexDigit(byte) else { throw JSONReadError(.invalidJSON) }
            value = value * 16 + digit
        }
        position += 4
        return value
    }
}

/// Why ``JSONReader`` or a record decoder stopped, and where: never the value it found.
struct JSONReadError: Error, Equatable {
    enum Kind: Equatable {
        case invalidJSON
        case expected(String)
        case missingKey(String)
        case invalidValue
    }

    var kind: Kind
    /// From the top level down: `.titles`, `[0]`, `.value`.
    var path: [String] = []

    init(_ kind: Kind) {
        self.kind = kind
    }

    var message: String {
        let place = path.isEmpty ? "the top level" : path.joined()
        return switch kind {
        case .invalidJSON: "not valid JSON near \(place)"
        case .expected(let what): "expected \(what) at \(place)"
        case .missingKey(let key): "missing key '\(key)' at \(place)"
        case .invalidValue: "invalid value at \(place)"
        }
    }
}
