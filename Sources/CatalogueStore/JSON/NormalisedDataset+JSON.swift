import CatalogueModel

// The normalised record's JSON form: the shape synthesised `Codable` gives it, keys in sorted
// order. `RecordJSONTests` checks every stored property against these lists.

extension NormalisedDataset {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("accessRights", accessRights)
            json.mappings("bodySites", bodySites)
            json.mappings("cancerTypes", cancerTypes)
            json.key("codeLists")
            json.object { json in
                for scheme in codeLists.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    json.key(string: scheme.rawValue)
                    json.array(codeLists[scheme] ?? []) { $1.write(to: &$0) }
                }
            }
            json.langStrings("descriptions", descriptions)
            json.key("distributions")
            json.array(distributions) { $1.write(to: &$0) }
            json.member("id", id)
            json.member("iri", iri)
            json.member("issued", issued)
            json.langStrings("keywords", keywords)
            json.member("landingPage", landingPage)
            json.member("maxTypicalAge", maxTypicalAge)
            json.member("minTypicalAge", minTypicalAge)
            json.mappings("modalities", modalities)
            json.member("modified", modified)
            json.member("node", node)
            json.member("publisher", publisher)
            json.member("studies", studies)
            json.member("subjects", subjects)
            json.member("tier", tier)
            json.langStrings("titles", titles)
            json.key("unmapped")
            json.array(unmapped) { $1.write(to: &$0) }
        }
    }

    static func read(from json: inout JSONReader) throws -> NormalisedDataset {
        var dataset = NormalisedDataset(id: "", node: "")
        var id: String?, node: String?
        try json.object { key, json in
            switch key {
            case "accessRights": dataset.accessRights = try json.optionalString()
            case "bodySites": dataset.bodySites = try json.array(ConceptMapping.read)
            case "cancerTypes": dataset.cancerTypes = try json.array(ConceptMapping.read)
            case "codeLists": dataset.codeLists = try readCodeLists(from: &json)
            case "descriptions": dataset.descriptions = try json.array(LangString.read)
            case "distributions": dataset.distributions = try json.array(RawDistribution.read)
            case "id": id = try json.string()
            case "iri": dataset.iri = try json.optionalString()
            case "issued": dataset.issued = try json.optionalString()
            case "keywords": dataset.keywords = try json.array(LangString.read)
            case "landingPage": dataset.landingPage = try json.optionalString()
            case "maxTypicalAge": dataset.maxTypicalAge = try json.optionalDouble()
            case "minTypicalAge": dataset.minTypicalAge = try json.optionalDouble()
            case "modalities": dataset.modalities = try json.array(ConceptMapping.read)
            case "modified": dataset.modified = try json.optionalString()
            case "node": node = try json.string()
            case "publisher": dataset.publisher = try json.optionalString()
            case "studies": dataset.studies = try json.optionalInt()
            case "subjects": dataset.subjects = try json.optionalInt()
            case "tier": dataset.tier = try json.optionalString()
            case "titles": dataset.titles = try json.array(LangString.read)
            case "unmapped": dataset.unmapped = try json.array(UnmappedValue.read)
            default: return false
            }
            return true
        }
        guard let id else { throw JSONReadError(.missingKey("id")) }
        guard let node else { throw JSONReadError(.missingKey("node")) }
        dataset.id = id
        dataset.node = node
        return dataset
    }
}

extension NormalisedDataset {
    /// `{"tier": [mapping…], …}`; a scheme this build does not know is an error, not dropped.
    static func readCodeLists(from json: inout JSONReader) throws -> [ConceptScheme: [ConceptMapping]] {
        var lists: [ConceptScheme: [ConceptMapping]] = [:]
        try json.object { key, json in
            guard let scheme = ConceptScheme(rawValue: key.description) else { throw JSONReadError(.invalidValue) }
            lists[scheme] = try json.array(ConceptMapping.read)
            return true
        }
        return lists
    }
}

extension ConceptMapping {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("concept", concept)
            json.member("matched", matched)
            json.member("method", method.rawValue)
            json.member("value", value)
            json.member("via", via)
        }
    }

    /// Also reads the v1 form, where a list item was `"fromList": true` with the item as `value`.
    static func read(from json: inout JSONReader) throws -> ConceptMapping {
        var concept: String?, value: String?, method: Method?, matched: String?, via: String?, fromList = false
        try json.object { key, json in
            switch key {
            case "concept": concept = try json.string()
            case "value": value = try json.string()
            case "matched": matched = try json.optionalString()
            case "via": via = try json.optionalString()
            case "method":
                guard let known = Method(rawValue: try json.string()) else { throw JSONReadError(.invalidValue) }
                method = known
            case "fromList": fromList = try json.bool()
            default: return false
            }
            return true
        }
        guard let concept else { throw JSONReadError(.missingKey("concept")) }
        guard let value else { throw JSONReadError(.missingKey("value")) }
        guard let method else { throw JSONReadError(.missingKey("method")) }
        return ConceptMapping(concept: concept, value: value, method: fromList ? .split : method, matched: matched, via: via)
    }
}

extension UnmappedValue {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("field", field)
            json.member("value", value)
        }
    }

    static func read(from json: inout JSONReader) throws -> UnmappedValue {
        var field: String?, value: String?
        try json.object { key, json in
            switch key {
            case "field": field = try json.string()
            case "value": value = try json.string()
            default: return false
            }
            return true
        }
        guard let field else { throw JSONReadError(.missingKey("field")) }
        guard let value else { throw JSONReadError(.missingKey("value")) }
        return UnmappedValue(field: field, value: value)
    }
}

extension JSONWriter {
    mutating func mappings(_ name: StaticString, _ mappings: [ConceptMapping]) {
        key(name)
        array(mappings) { $1.write(to: &$0) }
    }
}
