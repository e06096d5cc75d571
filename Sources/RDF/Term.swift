/// An RDF term: an IRI, a blank node or a literal.
public enum Term: Hashable, Sendable, CustomStringConvertible {
    case iri(String)
    /// A blank node label, unique within one parse (the parser prefixes labels per document).
    case blank(String)
    case literal(String, language: String? = nil, datatype: String? = nil)

    public var iriValue: String? {
        if case .iri(let value) = self { return value }
        return nil
    }

    /// The lexical form of a literal, nil for IRIs and blank nodes.
    public var literalValue: String? {
        if case .literal(let value, _, _) = self { return value }
        return nil
    }

    public var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }

    /// N-Triples form, for messages and debugging.
    public var description: String {
        switch self {
        case .iri(let iri): "<\(iri)>"
        case .blank(let label): "_:\(label)"
        case .literal(let value, let language, let datatype):
            "\"\(value)\"" + (language.map { "@\($0)" } ?? "") + (datatype.map { "^^<\($0)>" } ?? "")
        }
    }
}

/// One statement of a graph.
public struct Triple: Hashable, Sendable, CustomStringConvertible {
    public var subject: Term
    public var predicate: String
    public var object: Term

    public init(_ subject: Term, _ predicate: String, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public var description: String { "\(subject) <\(predicate)> \(object) ." }
}
