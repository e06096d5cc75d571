import Foundation

/// Writes triples as a JSON-LD 1.1 document: an `@context` declaring the prefixes and an `@graph`
/// of node objects, one per subject in first-seen order.
///
/// Written in expanded-value form on purpose: every value is an object (`{"@id"}`, `{"@value",
/// "@language"}`, `{"@value", "@type"}`) and every property an array, so no term definition
/// (`@type: @id`, `@container`) is needed for a reader to get the same triples back. Only
/// property names and types are compacted with the prefixes; `@id` values stay absolute IRIs
/// (or `_:` labels). Keys are sorted, so the same graph always gives the same bytes.
struct JSONLDWriter {
    let prefixes: [RDFPrefix]

    private static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    private static let xsdString = "http://www.w3.org/2001/XMLSchema#string"

    func write(_ triples: [Triple]) -> Data {
        var subjects: [Term] = []
        var properties: [Term: [(predicate: String, object: Term)]] = [:]
        for triple in triples {
            if properties[triple.subject] == nil { subjects.append(triple.subject) }
            properties[triple.subject, default: []].append((triple.predicate, triple.object))
        }
        let context = JSONValue.object(Dictionary(prefixes.map { ($0.prefix, JSONValue.string($0.namespace)) }, uniquingKeysWith: { first, _ in first }))
        let nodes = subjects.map { node($0, properties[$0] ?? []).canonicalText }
        var text = "{\n  \"@context\": \(context.canonicalText),\n  \"@graph\": ["
        text += nodes.isEmpty ? "]\n}\n" : "\n    " + nodes.joined(separator: ",\n    ") + "\n  ]\n}\n"
        return Data(text.utf8)
    }

    private func node(_ subject: Term, _ properties: [(predicate: String, object: Term)]) -> JSONValue {
        var object: [String: JSONValue] = ["@id": .string(identifier(subject))]
        let types = properties.filter { $0.predicate == Self.rdfType }.map(\.object)
        // `@type` takes IRIs only; a blank-node or literal type stays an ordinary property.
        let typesAsKeyword = !types.isEmpty && types.allSatisfy { $0.iriValue != nil }
        if typesAsKeyword {
            object["@type"] = .array(types.compactMap(\.iriValue).map { .string(compact($0)) })
        }
        var values: [String: [JSONValue]] = [:]
        var keys: [String] = []
        for (predicate, value) in properties where !(typesAsKeyword && predicate == Self.rdfType) {
            let key = compact(predicate)
            if values[key] == nil { keys.append(key) }
            values[key, default: []].append(self.value(value))
        }
        for key in keys { object[key] = .array(values[key] ?? []) }
        return .object(object)
    }

    private func value(_ term: Term) -> JSONValue {
        switch term {
        case .iri, .blank:
            return .object(["@id": .string(identifier(term))])
        case .literal(let value, let language, let datatype):
            var object: [String: JSONValue] = ["@value": .string(value)]
            if let language {
                object["@language"] = .string(language)
            } else if let datatype, datatype != Self.xsdString {
                object["@type"] = .string(compact(datatype))
            }
            return .object(object)
        }
    }

    private func identifier(_ term: Term) -> String {
        switch term {
        case .iri(let iri): iri
        case .blank(let label): "_:" + label
        case .literal(let value, _, _): value
        }
    }

    /// `prefix:local` when a declared prefix covers the IRI, else the IRI itself.
    private func compact(_ iri: String) -> String {
        for prefix in prefixes {
            if let compacted = prefix.compact(iri) { return compacted }
        }
        return iri
    }
}
