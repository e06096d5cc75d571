/// Expansion (JSON-LD 1.1 API, §5.1): every key an IRI or keyword, every value an array of node,
/// value or list objects.
extension JSONLDProcessor {
    typealias Object = [String: JSONValue]

    /// Expands a whole document to an array of node objects.
    func expandDocument(_ document: JSONValue, base: String?) throws(Failure) -> [JSONValue] {
        let active = ActiveContext(base: base)
        guard let expanded = try expand(document, in: active, property: nil, base: base) else { return [] }
        if let object = expanded.objectValue, object.count == 1, let graph = object["@graph"] { return graph.asArray }
        return expanded.asArray
    }

    func expand(_ element: JSONValue, in active: ActiveContext, property: String?, base: String?, fromMap: Bool = false) throws(Failure) -> JSONValue? {
        let definition = property.flatMap { active.terms[$0] }
        switch element {
        case .null:
            return nil
        case .array(let items):
            var result: [JSONValue] = []
            for (index, item) in items.enumerated() {
                do {
                    guard let expanded = try expand(item, in: active, property: property, base: base, fromMap: fromMap) else { continue }
                    if definition?.container.contains("@list") == true, case .array(let inner) = expanded {
                        result.append(.object(["@list": .array(inner)]))
                    } else if case .array(let inner) = expanded {
                        result += inner
                    } else {
                        result.append(expanded)
                    }
                } catch {
                    throw error.at("[\(index)]")
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(object, in: active, property: property, definition: definition, base: base, fromMap: fromMap)
        default:
            guard property != nil, property != "@graph" else { return nil }
            var context = active
            if let scoped = definition?.localContext {
                context = try process(active, local: scoped, base: definition?.baseURL)
            }
            return .object(expandValue(element, in: context, property: property))
        }
    }

    private func expandObject(
        _ element: Object, in original: ActiveContext, property: String?, definition: TermDefinition?, base: String?, fromMap: Bool
    ) throws(Failure) -> JSONValue? {
        var active = original
        if let previous = active.previous, !fromMap, !keepsPropagatedContext(element, active) {
            active = previous.context
        }
        if let scoped = definition?.localContext {
            active = try process(active, local: scoped, base: definition?.baseURL, overrideProtected: true)
        }
        if let local = element["@context"] {
            do {
                active = try process(active, local: local, base: base)
            } catch {
                throw error.at("@context")
            }
        }
        let typeScoped = active
        var typeKey: String?
        for key in element.keys.sorted() where expandIRI(key, in: active, vocab: true) == "@type" {
            typeKey = key
            for type in (element[key] ?? .null).asArray.compactMap(\.stringValue).sorted() {
                if let scoped = typeScoped.terms[type]?.localContext {
                    active = try process(active, local: scoped, base: typeScoped.terms[type]?.baseURL, propagate: false)
                }
            }
        }
        _ = typeKey
        var result: Object = [:]
        var nests: [String] = []
        try expandEntries(element, into: &result, nests: &nests, active: active, typeScoped: typeScoped, property: property, base: base)
        try expandNests(nests, element, into: &result, active: active, typeScoped: typeScoped, property: property, base: base)
        return try postProcess(result, property: property)
    }

    /// A type-scoped context stays in force for value objects and bare references.
    private func keepsPropagatedContext(_ element: Object, _ active: ActiveContext) -> Bool {
        let expandedKeys = element.keys.map { expandIRI($0, in: active, vocab: true) }
        return expandedKeys.contains("@value") || (element.count == 1 && expandedKeys.first == "@id")
    }

    private func expandNests(
        _ nests: [String], _ element: Object, into result: inout Object, active: ActiveContext, typeScoped: ActiveContext,
        property: String?, base: String?
    ) throws(Failure) {
        for nestKey in nests.sorted() {
            for nested in (element[nestKey] ?? .null).asArray {
                guard let object = nested.objectValue,
                      !object.keys.contains(where: { expandIRI($0, in: active, vocab: true) == "@value" }) else {
                    throw Failure(message: "invalid @nest value: must be a node object").at(nestKey)
                }
                var inner: [String] = []
                try expandEntries(object, into: &result, nests: &inner, active: active, typeScoped: typeScoped, property: property, base: base)
                try expandNests(inner, object, into: &result, active: active, typeScoped: typeScoped, property: property, base: base)
            }
        }
    }

    /// Adds `values` under `key`, appending to what is there.
    func add(_ values: JSONValue, to key: String, in result: inout Object) {
        var existing = result[key]?.asArray ?? []
        existing += values.asArray
        result[key] = .array(existing)
    }
}
