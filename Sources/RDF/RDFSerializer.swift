import CatalogueModel
import Foundation

/// Writes a `Graph` as Turtle, RDF/XML or N-Triples (raptor2's serializers) or as JSON-LD 1.1
/// (written here: raptor2 has no JSON-LD writer), with the given namespace prefixes declared.
///
/// Every term is checked before anything is written, because raptor2 does not refuse what it
/// cannot write: its Turtle writer silently drops control characters, and its RDF/XML writer skips
/// a statement whose predicate has no XML name (logging an error, which `RaptorWriter` turns into
/// a throw). A graph is written whole or not at all, and the same graph in every format. Blank
/// nodes are relabelled `b1`, `b2`, … in first-seen order: labels from a parse (`d12-genid1`) are
/// not always XML names, which `rdf:nodeID` needs.
public struct RDFSerializer: Sendable {
    public var prefixes: [RDFPrefix]

    public init(prefixes: [RDFPrefix] = []) {
        self.prefixes = prefixes
    }

    /// The document, UTF-8. Throws `RDFError` only: `.unserialisable` for a term the format cannot
    /// carry, `.serializerUnavailable` for a format without a writer, `.serialization` when raptor2 fails.
    public func serialize(_ graph: Graph, format: RDFFormat) throws -> Data {
        let triples = try checkedTriples(graph, format: format)
        switch format {
        case .jsonld:
            return JSONLDWriter(prefixes: prefixes).write(triples)
        case .turtle, .rdfxml, .ntriples, .trig, .nquads:
            return try RaptorWriter(format: format).write(triples, prefixes: prefixes)
        }
    }

    /// The media type a document of `format` is served with.
    public static func mediaType(of format: RDFFormat) -> String {
        switch format {
        case .turtle: "text/turtle"
        case .rdfxml: "application/rdf+xml"
        case .ntriples: "application/n-triples"
        case .trig: "application/trig"
        case .nquads: "application/n-quads"
        case .jsonld: "application/ld+json"
        }
    }

    /// Whether `iri` is an absolute IRI every format can write: builders of graphs to serialise
    /// check harvested URLs with it rather than let one bad value refuse the whole document.
    public static func isWritableIRI(_ iri: String) -> Bool { iriProblem(iri) == nil }

    /// Whether every format can write `scalar` in a literal (XML 1.0's characters).
    public static func isWritable(_ scalar: Unicode.Scalar) -> Bool { isXMLCharacter(scalar) }

    private func checkedTriples(_ graph: Graph, format: RDFFormat) throws -> [Triple] {
        var labels: [String: String] = [:]
        func checked(_ term: Term) throws -> Term {
            switch term {
            case .iri(let iri):
                if let problem = Self.iriProblem(iri) { throw Self.refusal(term, format, problem) }
                return term
            case .blank(let label):
                if let known = labels[label] { return .blank(known) }
                let fresh = "b\(labels.count + 1)"
                labels[label] = fresh
                return .blank(fresh)
            case .literal(let value, let language, let datatype):
                if let scalar = value.unicodeScalars.first(where: { !Self.isXMLCharacter($0) }) {
                    throw Self.refusal(term, format, "U+\(String(scalar.value, radix: 16, uppercase: true)) cannot be written in every RDF format")
                }
                if let language {
                    guard LanguageTag.isWellFormed(language) else { throw Self.refusal(term, format, "'\(language)' is not a well-formed language tag") }
                    // A language-tagged literal is an rdf:langString; any other datatype is dropped.
                    return .literal(value, language: language, datatype: nil)
                }
                if let datatype, let problem = Self.iriProblem(datatype) { throw Self.refusal(term, format, "datatype: \(problem)") }
                return term
            }
        }
        return try graph.triples.map { triple in
            if let problem = Self.iriProblem(triple.predicate) { throw Self.refusal(.iri(triple.predicate), format, problem) }
            return Triple(try checked(triple.subject), triple.predicate, try checked(triple.object))
        }
    }

    /// Why `iri` is not an absolute IRI every format can write; nil when it is one.
    static func iriProblem(_ iri: String) -> String? {
        let scalars = Array(iri.unicodeScalars)
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]),
              scalars[..<colon].allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return "not an absolute IRI (no scheme)" }
        if let bad = scalars.first(where: { $0.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains($0) }) {
            return "an IRI cannot contain U+\(String(bad.value, radix: 16, uppercase: true))"
        }
        return nil
    }

    /// XML 1.0's Char production (the strictest of the formats): no C0 controls but tab, line
    /// feed and carriage return, no U+FFFE or U+FFFF.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func refusal(_ term: Term, _ format: RDFFormat, _ reason: String) -> RDFError {
        let text = term.description
        let shown = text.count > 120 ? String(text.prefix(117)) + "…" : text
        return .unserialisable(format: format.rawValue, term: shown, reason: reason)
    }
}
