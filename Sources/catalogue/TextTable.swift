/// A plain-text table for a terminal: columns padded to their widest cell, long cells cut with "…".
struct TextTable {
    var headers: [String]
    var maxWidths: [Int]
    var rows: [[String]] = []

    init(_ columns: [(header: String, maxWidth: Int)]) {
        headers = columns.map(\.header)
        maxWidths = columns.map(\.maxWidth)
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row has one cell per column")
        rows.append(row)
    }

    func render() -> String {
        let cut = ([headers] + rows).map { row in zip(row, maxWidths).map { Self.truncate($0, to: $1) } }
        let widths = headers.indices.map { column in cut.map { $0[column].count }.max() ?? 0 }
        let lines = cut.map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([lines[0], rule] + lines.dropFirst()).joined(separator: "\n")
    }

    private static func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
