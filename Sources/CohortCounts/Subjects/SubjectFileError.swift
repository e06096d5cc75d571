import Foundation

/// A subject file (or its mapping) that is refused whole: nothing of it is stored. Row problems
/// are listed with row, column and reason, up to ``SubjectFileError/maximumListed``, with the
/// total; never with a subject's id or other values beyond the one refused.
public struct SubjectFileError: Error, CustomStringConvertible, Sendable {
    public struct Problem: Sendable, Equatable {
        /// The data row (1 = the first subject) and, for CSV, the line it starts on.
        public var row: Int
        public var line: Int?
        public var column: String
        public var reason: String
    }

    public static let maximumListed = 50

    public var file: String
    public var message: String?
    public var problems: [Problem] = []
    public var problemCount = 0

    init(file: URL, message: String) {
        self.file = file.lastPathComponent
        self.message = message
    }

    init(file: URL, problems: [Problem], total: Int) {
        self.file = file.lastPathComponent
        self.problems = problems
        self.problemCount = total
    }

    public var description: String {
        if let message { return "\(file): \(message)" }
        var lines = ["\(file): \(problemCount) problem\(problemCount == 1 ? "" : "s") in its rows; nothing was imported"]
        for problem in problems {
            let place = "row \(problem.row)" + (problem.line.map { " (line \($0))" } ?? "")
            lines.append("  \(place), column \(problem.column): \(problem.reason)")
        }
        if problemCount > problems.count { lines.append("  … and \(problemCount - problems.count) more") }
        return lines.joined(separator: "\n")
    }
}
