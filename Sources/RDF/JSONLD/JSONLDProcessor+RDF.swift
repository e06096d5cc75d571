import Foundation

/// Deserialisation of expanded JSON-LD into triples (JSON-LD 1.1 API, §8). Named graphs are
/// merged into the one graph a harvested page becomes; what is not valid RDF (relative IRIs,
/// blank-node predicates, non-IRI datatypes) is dropped, as the specification says.
struct TripleWriter {
    let blankPrefix: String
    private(set) var graph = Graph()
    private var generated = 0

    init(blankPrefix: String) { self.blankPrefix = blankPrefix }

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    mutating func write(_ nodes: [JSONValue]) {
        for node in nodes { if let object = node.objectValue { _ = writeNode(object) } }
    }

    /// Writes a node object's triples; returns its subject (nil when its @id is not an IRI).
    @discardableResult
    private mutating func writeNode(_ node: [String: JSONValue]) -> Term? {
        let subject: Term
        if let id = node["@id"] {
            guard let text = id.stringValue, let term = reference(text) else { return nil }
            subject = term
        } else {
            subject = fresh()
        }
        for type in node["@type"]?.asArray ?? [] {
            if let text = type.stringValue, let object = reference(text) { graph.insert(Triple(subject, Self.rdf + "type", object)) }
        }
        for (property, values) in node where !property.hasPrefix("@") {
            guard IRI.isAbsolute(property), !property.hasPrefix("_:") else { continue }
            for value in values.asArray {
                if let object = term(for: value) { graph.insert(Triple(subject, property, object)) }
            }
        }
        for (property, values) in node["@reverse"]?.objectValue ?? [:] {
            guard IRI.isAbsolute(property), !property.hasPrefix("_:") else { continue }
            for value in values.asArray {
                if let object = value.objectValue, let source = writeNode(object) { graph.insert(Triple(source, property, subject)) }
            }
        }
        for key in ["@graph", "@included"] {
            for inner in node[key]?.asArray ?? [] { if let object = inner.objectValue { writeNode(object) } }
        }
        return subject
    }

    private mutating func term(for value: JSONValue) -> Term? {
        guard let object = value.objectValue else { return nil }
        if object["@value"] != nil { return literal(object) }
        if let list = object["@list"] { return writeList(list.asArray) }
        return writeNode(object)
    }

    private mutating func writeList(_ items: [JSONValue]) -> Term? {
        let terms = items.compactMap { term(for: $0) }
        guard !terms.isEmpty else { return .iri(Self.rdf + "nil") }
        let heads = terms.map { _ in fresh() }
        for (index, head) in heads.enumerated() {
            graph.insert(Triple(head, Self.rdf + "first", terms[index]))
            graph.insert(Triple(head, Self.rdf + "rest", index + 1 < heads.count ? heads[index + 1] : .iri(Self.rdf + "nil")))
        }
        return heads[0]
    }

    private func literal(_ object: [String: JSONValue]) -> Term? {
        let value = object["@value"] ?? .null
        let datatype = object["@type"]?.stringValue
        if datatype == "@json" { return .literal(value.canonicalText, datatype: Self.rdf + "JSON") }
        if let datatype, !IRI.isAbsolute(datatype) { return nil }
        switch value {
        case .bool(let flag):
            return .literal(flag ? "true" : "false", datatype: datatype ?? Self.xsd + "boolean")
        case .number(let number):
            let isDouble = number != number.rounded() || abs(number) >= 1e21 || datatype == Self.xsd + "double"
            if isDouble { return .literal(Self.canonicalDouble(number), datatype: datatype ?? Self.xsd + "double") }
            return .literal(String(format: "%.0f", number), datatype: datatype ?? Self.xsd + "integer")
        case .string(let text):
            if let language = object["@language"]?.stringValue { return .literal(text, language: language) }
            return .literal(text, datatype: datatype == Self.xsd + "string" ? nil : datatype)
        default:
            return nil
        }
    }

    /// XSD canonical double: one digit before the point, at least one after, `E` and the exponent.
    static func canonicalDouble(_ value: Double) -> String {
        let formatted = String(format: "%.15E", value)
        guard let e = formatted.firstIndex(of: "E") else { return formatted }
        var mantissa = String(formatted[..<e])
        while mantissa.hasSuffix("0"), !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        let exponent = Int(formatted[formatted.index(after: e)...]) ?? 0
        return "\(mantissa)E\(exponent)"
    }

    private func reference(_ text: String) -> Term? {
        if text.hasPrefix("_:") { return .blank(blankPrefix + text.dropFirst(2)) }
        return IRI.isAbsolute(text) ? .iri(text) : nil
    }

    private mutating func fresh() -> Term {
        generated += 1
        return .blank("\(blankPrefix)g\(generated)")
    }
}
