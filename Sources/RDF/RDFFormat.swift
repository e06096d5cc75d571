/// The serialisations the parser reads through raptor2.
public enum RDFFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    case turtle
    case rdfxml
    case ntriples
    case trig
    case nquads
    /// JSON-LD 1.1, read by the project's own processor (raptor2 has none).
    case jsonld

    /// raptor2's parser name.
    var raptorName: String { rawValue }

    /// Guesses the format from a file name's extension; nil when it says nothing.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "ttl", "turtle": self = .turtle
        case "rdf", "xml", "owl", "rdfxml": self = .rdfxml
        case "nt", "ntriples": self = .ntriples
        case "trig": self = .trig
        case "nq", "nquads": self = .nquads
        case "jsonld", "json-ld": self = .jsonld
        default: return nil
        }
    }

    public var description: String { rawValue }
}
