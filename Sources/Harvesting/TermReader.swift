import CatalogueModel
import RDF

/// Reads RDF terms as the values a dataset field wants, looking through blank nodes where
/// nodes wrap a value ("[ rdfs:label "public" ]", a `dct:IMT` with `rdf:value`).
struct TermReader {
    let graph: Graph

    static let labelPredicates = [
        Namespaces.rdfs + "label", Namespaces.skos + "prefLabel", Namespaces.dct + "title",
        Namespaces.foaf + "name", Namespaces.rdf + "value", Namespaces.vcard + "fn",
    ]

    func langString(_ term: Term) -> LangString? {
        if case .literal(let value, let language, _) = term {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : LangString(trimmed, language: language)
        }
        return nil
    }

    /// An IRI, a literal, or a blank node's label, as given.
    func rawValue(_ term: Term) -> RawValue? {
        switch term {
        case .iri(let iri): return .iri(iri)
        case .literal(let value, let language, let datatype):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : .literal(trimmed, language: language, datatype: datatype)
        case .blank:
            for predicate in Self.labelPredicates {
                for object in graph.objects(term, predicate) {
                    if case .iri = object { return rawValue(object) }
                    if let value = langString(object) { return .literal(value.value, language: value.language) }
                }
            }
            return nil
        }
    }

    /// A URL given as an IRI or as a (typed or plain) literal.
    func url(_ term: Term) -> String? {
        switch term {
        case .iri(let iri): return iri
        case .literal(let value, _, _):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .blank: return nil
        }
    }

    func agent(_ term: Term) -> RawAgent? {
        switch term {
        case .literal:
            return langString(term).map { RawAgent(names: [$0]) }
        case .iri, .blank:
            let names = [Namespaces.foaf + "name", Namespaces.vcard + "fn", Namespaces.rdfs + "label", Namespaces.skos + "prefLabel"]
                .flatMap { graph.objects(term, $0) }.compactMap(langString)
            return RawAgent(iri: term.iriValue, names: names)
        }
    }

    func distribution(_ term: Term) -> RawDistribution {
        var distribution = RawDistribution(iri: term.iriValue)
        distribution.accessURLs = graph.objects(term, Namespaces.dcat + "accessURL").compactMap(url)
        distribution.downloadURLs = graph.objects(term, Namespaces.dcat + "downloadURL").compactMap(url)
        distribution.format = graph.objects(term, Namespaces.dct + "format").lazy.compactMap(rawValue).first
        distribution.mediaType = graph.objects(term, Namespaces.dcat + "mediaType").lazy.compactMap(rawValue).first
        distribution.titles = graph.objects(term, Namespaces.dct + "title").compactMap(langString)
        distribution.license = graph.objects(term, Namespaces.dct + "license").lazy.compactMap(rawValue).first
        distribution.byteSize = graph.objects(term, Namespaces.dcat + "byteSize").lazy.compactMap(\.literalValue).first
        distribution.checksum = graph.objects(term, Namespaces.spdx + "checksum").lazy
            .compactMap { self.graph.objects($0, Namespaces.spdx + "checksumValue").first?.literalValue }.first
        return distribution
    }
}

import Foundation
