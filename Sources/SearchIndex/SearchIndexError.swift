/// A failure of the search index, with Xapian's own error class and message when it came from there.
public enum SearchIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Xapian reported an error while doing `operation`.
    case xapian(operation: String, errorClass: String, message: String, code: Int32)
    /// The linked Xapian is not the 1.4 series the shim was written against.
    case incompatibleXapian(version: String)
    /// The index was written in an older layout (for example concept facets as terms).
    case outdatedFormat(found: String, expected: String)

    public var description: String {
        switch self {
        case .xapian(let operation, let errorClass, let message, _):
            "\(operation): Xapian \(errorClass): \(message)"
        case .incompatibleXapian(let version):
            "Xapian \(version) is linked, but the index needs Xapian 1.4"
        case .outdatedFormat(let found, let expected):
            "the index was built in format \(found.isEmpty ? "1" : found), this version reads format \(expected); rebuild it"
        }
    }

    /// Xapian's error class (`DatabaseNotFoundError`, `QueryParserError`, …), when there is one.
    public var xapianErrorClass: String? {
        if case .xapian(_, let errorClass, _, _) = self { return errorClass }
        return nil
    }
}
