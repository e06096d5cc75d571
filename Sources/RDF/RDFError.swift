/// Why a document could not be read as RDF. Messages name the source and, where the parser
/// knows it, the line and column.
public enum RDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The document is not well-formed in its serialisation.
    case syntax(source: String, line: Int?, column: Int?, message: String)
    /// The file could not be read at all.
    case unreadable(source: String, reason: String)
    /// raptor2 could not be set up (a broken installation, not bad input).
    case parserUnavailable(format: String)
    /// A JSON-LD document names a remote context that is not in the offline library.
    case unknownContext(source: String, url: String)
    /// A JSON-LD document is valid JSON but not valid JSON-LD; `path` locates the problem.
    case jsonld(source: String, path: String, message: String)
    /// No writer for this format: raptor2 lacks the serializer, or the format is read-only here.
    case serializerUnavailable(format: String)
    /// The graph holds a term the format cannot write faithfully (an IRI with spaces, a malformed
    /// language tag, a character XML 1.0 forbids); `term` is its N-Triples form, shortened.
    case unserialisable(format: String, term: String, reason: String)
    /// raptor2 reported an error while writing (for instance a predicate RDF/XML cannot name).
    case serialization(format: String, message: String)

    public var description: String {
        switch self {
        case .syntax(let source, let line, let column, let message):
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(source)\(position): \(message)"
        case .unreadable(let source, let reason):
            return "\(source): cannot read file: \(reason)"
        case .parserUnavailable(let format):
            return "the RDF parser for \(format) is not available in this raptor2 installation"
        case .unknownContext(let source, let url):
            return "\(source): unknown JSON-LD context \(url) (not in the offline context library; nothing is fetched at parse time)"
        case .jsonld(let source, let path, let message):
            return "\(source)" + (path.isEmpty ? "" : " at \(path)") + ": \(message)"
        case .serializerUnavailable(let format):
            return "there is no RDF writer for \(format) in this raptor2 installation"
        case .unserialisable(let format, let term, let reason):
            return "cannot write \(term) as \(format): \(reason)"
        case .serialization(let format, let message):
            return "writing \(format) failed: \(message)"
        }
    }
}
