import CatalogueModel
import Foundation
import RDF

/// The graph an export is built in, with the few rules every statement follows: text is cleaned
/// of characters no RDF format can carry, empty values and malformed language tags are left out,
/// and a URL that is not an absolute IRI never becomes an IRI (it would make the document unreadable).
struct ExportGraph {
    private(set) var graph = Graph()
    private var blankNodes = 0

    /// A fresh blank node.
    mutating func blank() -> Term {
        blankNodes += 1
        return .blank("n\(blankNodes)")
    }

    mutating func add(_ subject: Term, _ predicate: String, _ object: Term?) {
        guard let object else { return }
        graph.insert(Triple(subject, predicate, object))
    }

    mutating func type(_ subject: Term, _ type: String) {
        add(subject, ExportTerms.type, .iri(type))
    }

    /// Plain or language-tagged text; nil when nothing is left after cleaning.
    static func text(_ value: String, language: String? = nil) -> Term? {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter(RDFSerializer.isWritable)))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty else { return nil }
        return .literal(cleaned, language: language.flatMap { LanguageTag.isWellFormed($0) ? $0.lowercased() : nil })
    }

    static func text(_ value: LangString) -> Term? { text(value.value, language: value.language) }

    /// A typed literal whose lexical form the caller has checked.
    static func typed(_ value: String, _ datatype: String) -> Term {
        .literal(value, datatype: datatype)
    }

    /// The IRI, when every format can write it.
    static func iri(_ text: String) -> Term? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return RDFSerializer.isWritableIRI(trimmed) ? .iri(trimmed) : nil
    }

    /// A harvested value as given: an IRI stays an IRI (a text when it is not a usable IRI), a
    /// literal keeps its language or datatype.
    static func raw(_ value: RawValue) -> Term? {
        switch value {
        case .iri(let iri):
            return Self.iri(iri) ?? text(iri)
        case .literal(let value, let language, let datatype):
            guard let term = text(value, language: language) else { return nil }
            if case .literal(let cleaned, nil, nil) = term, let datatype, RDFSerializer.isWritableIRI(datatype) {
                return .literal(cleaned, datatype: datatype)
            }
            return term
        }
    }
}
