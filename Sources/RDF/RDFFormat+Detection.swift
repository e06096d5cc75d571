import Foundation

extension RDFFormat {
    /// The format a media type names (`text/turtle`, `application/rdf+xml`…), parameters ignored;
    /// nil for types that say nothing about RDF (`text/plain`, `application/octet-stream`).
    public init?(mediaType: String) {
        let type = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "text/turtle", "application/x-turtle", "application/turtle", "text/n3": self = .turtle
        case "application/rdf+xml": self = .rdfxml
        case "application/n-triples": self = .ntriples
        case "application/trig", "application/x-trig": self = .trig
        case "application/n-quads", "text/x-nquads": self = .nquads
        case "application/ld+json": self = .jsonld
        default: return nil
        }
    }

    /// Guesses the serialisation from a document's first bytes, for servers that send no or a
    /// generic `Content-Type`. Turtle is the fallback for anything that starts like Turtle or
    /// N-Triples (Turtle reads N-Triples).
    public static func sniff(_ data: Data) -> RDFFormat? {
        let head = String(decoding: data.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        let lower = head.lowercased()
        if lower.hasPrefix("{") || (lower.hasPrefix("[") && lower.dropFirst().drop(while: { $0.isWhitespace }).first.map { "{]".contains($0) } == true) {
            return .jsonld
        }
        if lower.hasPrefix("<?xml") || lower.hasPrefix("<rdf:") || lower.hasPrefix("<!doctype") || lower.hasPrefix("<!--") {
            return .rdfxml
        }
        if lower.hasPrefix("@prefix") || lower.hasPrefix("prefix") || lower.hasPrefix("@base") || lower.hasPrefix("base")
            || lower.hasPrefix("#") || lower.hasPrefix("<") || lower.hasPrefix("_:") {
            return .turtle
        }
        return nil
    }
}
