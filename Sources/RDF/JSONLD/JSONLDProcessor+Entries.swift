/// The entries of one object during expansion (JSON-LD 1.1 API, §5.1.2 step 13).
extension JSONLDProcessor {
    func expandEntries(
        _ element: Object, into result: inout Object, nests: inout [String], active: ActiveContext, typeScoped: ActiveContext,
        property: String?, base: String?
    ) throws(Failure) {
        for key in element.keys.sorted() where key != "@context" {
            let value = element[key] ?? .null
            guard let expandedProperty = expandIRI(key, in: active, vocab: true),
                  Keyword.isKeyword(expandedProperty) || expandedProperty.contains(":") else { continue }
            do {
                if Keyword.isKeyword(expandedProperty) {
                    if expandedProperty == "@nest" { nests.append(key); continue }
                    try expandKeyword(expandedProperty, value, into: &result, active: active, typeScoped: typeScoped, property: property, base: base)
                } else {
                    try expandProperty(key, expandedProperty, value, into: &result, active: active, base: base)
                }
            } catch {
                throw error.at(key)
            }
        }
    }

    private func expandKeyword(
        _ keyword: String, _ value: JSONValue, into result: inout Object, active: ActiveContext, typeScoped: ActiveContext,
        property: String?, base: String?
    ) throws(Failure) {
        if property == "@reverse" { throw Failure(message: "invalid reverse property map: keywords are not allowed in @reverse") }
        if result[keyword] != nil, keyword != "@included", keyword != "@type" {
            throw Failure(message: "colliding keywords: \(keyword) given twice")
        }
        switch keyword {
        case "@id":
            guard let text = value.stringValue else { throw Failure(message: "invalid @id value: must be a string") }
            result["@id"] = expandIRI(text, in: active, documentRelative: true).map(JSONValue.string) ?? .null
        case "@type":
            let types = value.asArray
            guard types.allSatisfy({ $0.stringValue != nil }) else { throw Failure(message: "invalid type value: must be a string or strings") }
            let expanded = types.compactMap { $0.stringValue.flatMap { expandIRI($0, in: typeScoped, documentRelative: true, vocab: true) } }
            if case .string = value, result["@type"] == nil, let single = expanded.first {
                result["@type"] = .string(single)  // a value object's datatype stays a single IRI
            } else {
                add(.array(expanded.map(JSONValue.string)), to: "@type", in: &result)
            }
        case "@graph":
            result["@graph"] = .array((try expand(value, in: active, property: "@graph", base: base) ?? .null).asArray)
        case "@included":
            let included = (try expand(value, in: active, property: nil, base: base) ?? .null).asArray
            guard included.allSatisfy({ $0.objectValue.map { $0["@value"] == nil && $0["@list"] == nil } ?? false }) else {
                throw Failure(message: "invalid @included value: must be node objects")
            }
            add(.array(included), to: "@included", in: &result)
        case "@value":
            result["@value"] = value
        case "@language":
            guard let text = value.stringValue else { throw Failure(message: "invalid language-tagged string: @language must be a string") }
            result["@language"] = .string(text.lowercased())
        case "@direction":
            guard value == .string("ltr") || value == .string("rtl") else { throw Failure(message: "invalid base direction: use ltr or rtl") }
            result["@direction"] = value
        case "@index":
            guard value.stringValue != nil else { throw Failure(message: "invalid @index value: must be a string") }
            result["@index"] = value
        case "@list":
            guard property != nil, property != "@graph" else { return }
            result["@list"] = .array((try expand(value, in: active, property: property, base: base) ?? .null).asArray)
        case "@set":
            result["@set"] = try expand(value, in: active, property: property, base: base) ?? .array([])
        case "@reverse":
            try expandReverse(value, into: &result, active: active, base: base)
        default:
            break
        }
    }

    private func expandReverse(_ value: JSONValue, into result: inout Object, active: ActiveContext, base: String?) throws(Failure) {
        guard value.objectValue != nil else { throw Failure(message: "invalid @reverse value: must be an object") }
        guard let expanded = try expand(value, in: active, property: "@reverse", base: base)?.objectValue else { return }
        if let doubleReversed = expanded["@reverse"]?.objectValue {
            for (reversed, items) in doubleReversed { add(items, to: reversed, in: &result) }
        }
        var reverseMap = result["@reverse"]?.objectValue ?? [:]
        for (reversed, items) in expanded where reversed != "@reverse" {
            for item in items.asArray {
                guard let object = item.objectValue, object["@value"] == nil, object["@list"] == nil else {
                    throw Failure(message: "invalid reverse property value: must be node objects")
                }
                add(item, to: reversed, in: &reverseMap)
            }
        }
        if !reverseMap.isEmpty { result["@reverse"] = .object(reverseMap) }
    }

    private func expandProperty(
        _ key: String, _ expandedProperty: String, _ value: JSONValue, into result: inout Object, active: ActiveContext, base: String?
    ) throws(Failure) {
        let definition = active.terms[key]
        let container = definition?.container ?? []
        var expandedValue: JSONValue?
        if definition?.typeMapping == "@json" {
            expandedValue = .object(["@value": value, "@type": .string("@json")])
        } else if container.contains("@language"), let map = value.objectValue {
            expandedValue = try expandLanguageMap(map, definition: definition, active: active)
        } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), let map = value.objectValue {
            expandedValue = try expandMap(map, key: key, container: container, definition: definition, active: active, base: base)
        } else {
            expandedValue = try expand(value, in: active, property: key, base: base)
        }
        guard var values = expandedValue else { return }
        if container.contains("@list"), values.objectValue?["@list"] == nil {
            values = .object(["@list": .array(values.asArray)])
        }
        if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
            values = .array(values.asArray.map { .object(["@graph": .array($0.asArray)]) })
        }
        if definition?.isReverse == true {
            var reverseMap = result["@reverse"]?.objectValue ?? [:]
            for item in values.asArray {
                guard let object = item.objectValue, object["@value"] == nil, object["@list"] == nil else {
                    throw Failure(message: "invalid reverse property value: must be node objects")
                }
                add(item, to: expandedProperty, in: &reverseMap)
            }
            result["@reverse"] = .object(reverseMap)
        } else {
            add(values, to: expandedProperty, in: &result)
        }
    }

    private func expandLanguageMap(_ map: Object, definition: TermDefinition?, active: ActiveContext) throws(Failure) -> JSONValue {
        var items: [JSONValue] = []
        let direction = definition?.direction ?? active.defaultDirection
        for language in map.keys.sorted() {
            for item in (map[language] ?? .null).asArray {
                guard case .string = item else { throw Failure(message: "invalid language map value: must be strings").at(language) }
                var object: Object = ["@value": item]
                if expandIRI(language, in: active, vocab: true) != "@none" { object["@language"] = .string(language.lowercased()) }
                if let direction { object["@direction"] = .string(direction) }
                items.append(.object(object))
            }
        }
        return .array(items)
    }

    private func expandMap(
        _ map: Object, key: String, container: Set<String>, definition: TermDefinition?, active: ActiveContext, base: String?
    ) throws(Failure) -> JSONValue {
        var items: [JSONValue] = []
        for index in map.keys.sorted() {
            var mapContext = active
            if container.contains("@type") || container.contains("@id") { mapContext = active.previous?.context ?? active }
            if container.contains("@type"), let scoped = mapContext.terms[index]?.localContext {
                mapContext = try process(mapContext, local: scoped, base: mapContext.terms[index]?.baseURL)
            }
            let expandedIndex = expandIRI(index, in: active, vocab: true)
            let values = (try expand(map[index] ?? .null, in: mapContext, property: key, base: base, fromMap: true) ?? .null).asArray
            for value in values {
                guard var object = value.objectValue else { continue }
                if container.contains("@index"), object["@index"] == nil, expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if container.contains("@id"), object["@id"] == nil, expandedIndex != "@none" {
                    object["@id"] = expandIRI(index, in: active, documentRelative: true).map(JSONValue.string) ?? .null
                } else if container.contains("@type"), let expandedIndex, expandedIndex != "@none" {
                    object["@type"] = .array([.string(expandedIndex)] + (object["@type"]?.asArray ?? []))
                }
                items.append(.object(object))
            }
        }
        return .array(items)
    }

    /// Value expansion (JSON-LD 1.1 API, §5.3).
    func expandValue(_ value: JSONValue, in active: ActiveContext, property: String?) -> Object {
        let definition = property.flatMap { active.terms[$0] }
        if let text = value.stringValue {
            if definition?.typeMapping == "@id" {
                return ["@id": expandIRI(text, in: active, documentRelative: true).map(JSONValue.string) ?? .null]
            }
            if definition?.typeMapping == "@vocab" {
                return ["@id": expandIRI(text, in: active, documentRelative: true, vocab: true).map(JSONValue.string) ?? .null]
            }
        }
        var result: Object = ["@value": value]
        if let type = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            result["@type"] = .string(type)
        } else if case .string = value {
            if let language = definition?.language ?? active.defaultLanguage { result["@language"] = .string(language) }
            if let direction = definition?.direction ?? active.defaultDirection { result["@direction"] = .string(direction) }
        }
        return result
    }

    /// Checks and simplifies an expanded object (JSON-LD 1.1 API, §5.1.2 steps 15–20).
    func postProcess(_ object: Object, property: String?) throws(Failure) -> JSONValue? {
        var result = object
        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            guard result.keys.allSatisfy(allowed.contains) else { throw Failure(message: "invalid value object: unexpected entries") }
            if result["@type"] == .string("@json") { return .object(result) }
            if value.isNull { return nil }
            if result["@language"] != nil, value.stringValue == nil {
                throw Failure(message: "invalid language-tagged value: @language needs a string @value")
            }
            if let type = result["@type"] {
                guard let text = type.stringValue, IRI.isAbsolute(text), !text.hasPrefix("_:") else {
                    throw Failure(message: "invalid typed value: @type must be an IRI")
                }
            }
            guard value.isScalar else { throw Failure(message: "invalid value object value: must be a string, number or boolean") }
        } else if let types = result["@type"], types.arrayValue == nil {
            result["@type"] = .array([types])
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.keys.allSatisfy({ $0 == "@set" || $0 == "@list" || $0 == "@index" }) else {
                throw Failure(message: "invalid set or list object: unexpected entries")
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1, result["@language"] != nil { return nil }
        if property == nil || property == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return nil }
            if result.count == 1, result["@id"] != nil { return nil }
        }
        return .object(result)
    }
}
