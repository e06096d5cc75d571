/// A metadata value exactly as a node gave it: an IRI or a literal.
///
/// The harvester never interprets these; the normaliser decides what they mean, so a value that
/// maps to nothing can still be shown to curators as it was written.
public enum RawValue: Codable, Hashable, Sendable, CustomStringConvertible {
    case iri(String)
    case literal(String, language: String? = nil, datatype: String? = nil)

    /// The IRI or the literal's lexical form.
    public var text: String {
        switch self {
        case .iri(let iri): iri
        case .literal(let value, _, _): value
        }
    }

    public var isIRI: Bool {
        if case .iri = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .iri(let iri): "<\(iri)>"
        case .literal(let value, let language, let datatype):
            "\"\(value)\"" + (language.map { "@\($0)" } ?? "") + (datatype.map { "^^<\($0)>" } ?? "")
        }
    }
}
