/// Refuses the TOML that the parser inside TOMLKit (toml++ 3.4) aborts on instead of reporting.
///
/// toml++ checks some of its invariants with `assert`, which SwiftPM builds keep live: a table
/// header whose first character cannot start a key (`[#`, `[[=`, `[ &`) and a date followed by a
/// `T` that no time follows (`1979-05-27T:`), and a `}` where an array element begins (`[}`,
/// `[1, }`) end the whole process (found by the `nodestoml`
/// fuzzer; Fuzz/Known/README.md). Neither is valid TOML, so refusing them first, with a line and a
/// column, changes nothing for valid files. The scan knows strings and comments, so text inside
/// them is never taken for either shape.
enum TOMLPreflight {
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func check(_ text: String) throws(Problem) {
        var scanner = Scanner(Array(text.unicodeScalars))
        try scanner.run()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0
        var line = 1
        var lineStart = 0
        /// Open `[` and `{` of values (arrays, inline tables), not of headers, innermost last.
        var open: [Unicode.Scalar] = []
        /// After an array's `[` or `,`: the next character (past blanks and comments) begins an element.
        var expectingElement = false
        var atLineStart = true

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }

        func problem(_ message: String, at index: Int? = nil) -> Problem {
            Problem(line: line, column: (index ?? position) - lineStart + 1, message: message)
        }

        mutating func advance() {
            if scalars[position] == "\n" {
                line += 1
                lineStart = position + 1
                atLineStart = true
            }
            position += 1
        }

        mutating func run() throws(Problem) {
            while let scalar = peek() {
                if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                    advance()
                    continue
                }
                let startsLine = atLineStart
                atLineStart = false
                if scalar == "#" {
                    skipComment()
                    continue
                }
                // toml++ asserts (aborts) on `}` where an array element begins: `[}`, `[1, }`.
                if expectingElement, scalar == "}" { throw problem("'}' where an array element or ']' is expected") }
                expectingElement = false
                switch scalar {
                case "\"", "'": try skipString(quote: scalar)
                case "[" where startsLine && open.isEmpty: try checkHeader()
                case "[", "{":
                    open.append(scalar)
                    expectingElement = scalar == "["
                    advance()
                case "]", "}": _ = open.popLast(); advance()
                case "," where open.last == "[":
                    expectingElement = true
                    advance()
                default:
                    if try !checkDate() { advance() }
                }
            }
        }

        mutating func skipComment() {
            while let scalar = peek(), scalar != "\n" { advance() }
        }

        mutating func skipString(quote: Unicode.Scalar) throws(Problem) {
            let multiline = peek(1) == quote && peek(2) == quote
            for _ in 0..<(multiline ? 3 : 1) { advance() }
            while let scalar = peek() {
                if quote == "\"", scalar == "\\" {
                    advance()
                    if peek() != nil { advance() }
                    continue
                }
                if scalar == quote {
                    if !multiline { advance(); return }
                    if peek(1) == quote, peek(2) == quote {
                        for _ in 0..<3 { advance() }
                        // A closing delimiter may carry up to two more quotes of the content.
                        while peek() == quote { advance() }
                        return
                    }
                }
                if scalar == "\n", !multiline { return }
                advance()
            }
        }

        /// `[` or `[[` at the start of a line: the next character after blanks must start a key.
        mutating func checkHeader() throws(Problem) {
            advance()
            if peek() == "[" { advance() }
            while peek() == " " || peek() == "\t" { advance() }
            guard let first = peek(), Self.startsKey(first) else {
                throw problem("a table header must start with a key (letters, digits, '_', '-', or a quoted key)")
            }
            // The rest of the header (keys, dots, closing brackets) is left to the parser.
            while let scalar = peek(), scalar != "\n", scalar != "#" {
                if scalar == "\"" || scalar == "'" { try skipString(quote: scalar); continue }
                advance()
            }
        }

        /// A date (`YYYY-MM-DD`) followed by `T`: a digit must follow. Returns whether it read one.
        mutating func checkDate() throws(Problem) -> Bool {
            guard position == 0 || !Self.isDigit(scalars[position - 1]) else { return false }
            let shape: [Bool] = [true, true, true, true, false, true, true, false, true, true]
            for (offset, wantsDigit) in shape.enumerated() {
                guard let scalar = peek(offset) else { return false }
                if wantsDigit ? !Self.isDigit(scalar) : scalar != "-" { return false }
            }
            guard let separator = peek(10), separator == "T" || separator == "t" else { return false }
            guard let next = peek(11), Self.isDigit(next) else {
                throw problem("a date-time needs a time after '\(separator)' (such as 1979-05-27T07:32:00Z)", at: position + 10)
            }
            for _ in 0..<11 { advance() }
            return true
        }

        static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

        static func startsKey(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDigit(scalar)
                || scalar == "_" || scalar == "-" || scalar == "\"" || scalar == "'"
        }
    }
}
