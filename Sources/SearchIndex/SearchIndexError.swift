/// A failure of the search index, with Xapian's own error class and message when it came from there.
public enum SearchIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Xapian reported an error while doing `operation`.
    case xapian(operation: String, errorClass: String, message: String, code: Int32)
    /// The linked Xapian is not the 1.4 series the shim was written against.
    case incompatibleXapian(version: String)

    public var description: String {
        switch self {
        case .xapian(let operation, let errorClass, let message, _):
            "\(operation): Xapian \(errorClass): \(message)"
        case .incompatibleXapian(let version):
            "Xapian \(version) is linked, but the index needs Xapian 1.4"
        }
    }

    /// Xapian's error class (`DatabaseNotFoundError`, `QueryParserError`, …), when there is one.
    public var xapianErrorClass: String? {
        if case .xapian(_, let errorClass, _, _) = self { return errorClass }
        return nil
    }
}
