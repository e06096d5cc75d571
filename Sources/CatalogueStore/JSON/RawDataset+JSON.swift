import CatalogueModel

// The raw record's JSON form: the shape synthesised `Codable` gives it, keys in sorted order.
// A test checks every stored property against these lists (`RecordJSONTests`), so a field added
// to the model cannot be dropped here without a failing test.

extension RawDataset {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.optional("accessRights", accessRights) { $1.write(to: &$0) }
            json.values("bodyParts", bodyParts)
            json.values("conditions", conditions)
            json.key("contactPoints")
            json.array(contactPoints) { $1.write(to: &$0) }
            json.langStrings("descriptions", descriptions)
            json.key("distributions")
            json.array(distributions) { $1.write(to: &$0) }
            json.member("identifier", identifier)
            json.optional("interoperabilityLevel", interoperabilityLevel) { $1.write(to: &$0) }
            json.member("iri", iri)
            json.member("issued", issued)
            json.langStrings("keywords", keywords)
            json.member("landingPages", strings: landingPages)
            json.member("maxTypicalAge", maxTypicalAge)
            json.member("minTypicalAge", minTypicalAge)
            json.values("modalities", modalities)
            json.member("modified", modified)
            json.key("otherProperties")
            json.object { json in
                // Sorted as JSONEncoder's `.sortedKeys` sorts dictionary keys.
                for predicate in otherProperties.keys.sorted() {
                    json.key(string: predicate)
                    json.array(otherProperties[predicate] ?? []) { $1.write(to: &$0) }
                }
            }
            json.optional("publisher", publisher) { $1.write(to: &$0) }
            json.member("studies", studies)
            json.member("subjects", subjects)
            json.key("temporal")
            json.array(temporal) { $1.write(to: &$0) }
            json.langStrings("titles", titles)
            json.member("version", version)
        }
    }

    static func read(from json: inout JSONReader) throws -> RawDataset {
        var raw = RawDataset(identifier: "")
        var identifier: String?
        try json.object { key, json in
            switch key {
            case "accessRights": raw.accessRights = try json.null() ? nil : RawValue.read(from: &json)
            case "bodyParts": raw.bodyParts = try json.array(RawValue.read)
            case "conditions": raw.conditions = try json.array(RawValue.read)
            case "contactPoints": raw.contactPoints = try json.array(RawContact.read)
            case "descriptions": raw.descriptions = try json.array(LangString.read)
            case "distributions": raw.distributions = try json.array(RawDistribution.read)
            case "identifier": identifier = try json.string()
            case "interoperabilityLevel": raw.interoperabilityLevel = try json.null() ? nil : RawValue.read(from: &json)
            case "iri": raw.iri = try json.optionalString()
            case "issued": raw.issued = try json.optionalString()
            case "keywords": raw.keywords = try json.array(LangString.read)
            case "landingPages": raw.landingPages = try json.strings()
            case "maxTypicalAge": raw.maxTypicalAge = try json.optionalDouble()
            case "minTypicalAge": raw.minTypicalAge = try json.optionalDouble()
            case "modalities": raw.modalities = try json.array(RawValue.read)
            case "modified": raw.modified = try json.optionalString()
            case "otherProperties":
                try json.object { key, json in
                    raw.otherProperties[key.description] = try json.array(RawValue.read)
                    return true
                }
            case "publisher": raw.publisher = try json.null() ? nil : RawAgent.read(from: &json)
            case "studies": raw.studies = try json.optionalInt()
            case "subjects": raw.subjects = try json.optionalInt()
            case "temporal": raw.temporal = try json.array(RawPeriod.read)
            case "titles": raw.titles = try json.array(LangString.read)
            case "version": raw.version = try json.optionalString()
            default: return false
            }
            return true
        }
        guard let identifier else { throw JSONReadError(.missingKey("identifier")) }
        raw.identifier = identifier
        return raw
    }
}

extension RawAgent {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("iri", iri)
            json.langStrings("names", names)
        }
    }

    static func read(from json: inout JSONReader) throws -> RawAgent {
        var agent = RawAgent()
        try json.object { key, json in
            switch key {
            case "iri": agent.iri = try json.optionalString()
            case "names": agent.names = try json.array(LangString.read)
            default: return false
            }
            return true
        }
        return agent
    }
}

extension RawDistribution {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("accessURLs", strings: accessURLs)
            json.member("byteSize", byteSize)
            json.member("checksum", checksum)
            json.member("downloadURLs", strings: downloadURLs)
            json.optional("format", format) { $1.write(to: &$0) }
            json.member("iri", iri)
            json.optional("license", license) { $1.write(to: &$0) }
            json.optional("mediaType", mediaType) { $1.write(to: &$0) }
            json.langStrings("titles", titles)
        }
    }

    static func read(from json: inout JSONReader) throws -> RawDistribution {
        var distribution = RawDistribution()
        try json.object { key, json in
            switch key {
            case "accessURLs": distribution.accessURLs = try json.strings()
            case "byteSize": distribution.byteSize = try json.optionalString()
            case "checksum": distribution.checksum = try json.optionalString()
            case "downloadURLs": distribution.downloadURLs = try json.strings()
            case "format": distribution.format = try json.null() ? nil : RawValue.read(from: &json)
            case "iri": distribution.iri = try json.optionalString()
            case "license": distribution.license = try json.null() ? nil : RawValue.read(from: &json)
            case "mediaType": distribution.mediaType = try json.null() ? nil : RawValue.read(from: &json)
            case "titles": distribution.titles = try json.array(LangString.read)
            default: return false
            }
            return true
        }
        return distribution
    }
}

extension RawContact {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("emails", strings: emails)
            json.member("iri", iri)
            json.langStrings("names", names)
            json.member("urls", strings: urls)
        }
    }

    static func read(from json: inout JSONReader) throws -> RawContact {
        var contact = RawContact()
        try json.object { key, json in
            switch key {
            case "emails": contact.emails = try json.strings()
            case "iri": contact.iri = try json.optionalString()
            case "names": contact.names = try json.array(LangString.read)
            case "urls": contact.urls = try json.strings()
            default: return false
            }
            return true
        }
        return contact
    }
}

extension RawPeriod {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("end", end)
            json.member("start", start)
        }
    }

    static func read(from json: inout JSONReader) throws -> RawPeriod {
        var period = RawPeriod()
        try json.object { key, json in
            switch key {
            case "end": period.end = try json.optionalString()
            case "start": period.start = try json.optionalString()
            default: return false
            }
            return true
        }
        return period
    }
}

extension RawValue {
    /// `{"iri":{"_0":…}}` or `{"literal":{"_0":…,"datatype":…,"language":…}}`, as synthesised
    /// `Codable` writes an enum with associated values.
    func write(to json: inout JSONWriter) {
        json.object { json in
            switch self {
            case .iri(let iri):
                json.key("iri")
                json.object { $0.member("_0", iri) }
            case .literal(let value, let language, let datatype):
                json.key("literal")
                json.object { json in
                    json.member("_0", value)
                    json.member("datatype", datatype)
                    json.member("language", language)
                }
            }
        }
    }

    static func read(from json: inout JSONReader) throws -> RawValue {
        var value: RawValue?, cases = 0
        try json.object { key, json in
            cases += 1
            switch key {
            case "iri": value = .iri(try readPayload(from: &json).text)
            case "literal":
                let payload = try readPayload(from: &json)
                value = .literal(payload.text, language: payload.language, datatype: payload.datatype)
            default: return false
            }
            return true
        }
        // Exactly one member, naming a known case.
        guard let value, cases == 1 else { throw JSONReadError(.invalidValue) }
        return value
    }

    private static func readPayload(from json: inout JSONReader) throws -> (text: String, language: String?, datatype: String?) {
        var text: String?, language: String?, datatype: String?
        try json.object { key, json in
            switch key {
            case "_0": text = try json.string()
            case "language": language = try json.optionalString()
            case "datatype": datatype = try json.optionalString()
            default: return false
            }
            return true
        }
        guard let text else { throw JSONReadError(.missingKey("_0")) }
        return (text, language, datatype)
    }
}

extension LangString {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("language", language)
            json.member("value", value)
        }
    }

    /// Sets the language as stored, without the initialiser's lower-casing, as `Codable` would.
    static func read(from json: inout JSONReader) throws -> LangString {
        var value: String?, language: String?
        try json.object { key, json in
            switch key {
            case "value": value = try json.string()
            case "language": language = try json.optionalString()
            default: return false
            }
            return true
        }
        guard let value else { throw JSONReadError(.missingKey("value")) }
        var string = LangString(value)
        string.language = language
        return string
    }
}

extension JSONWriter {
    mutating func langStrings(_ name: StaticString, _ strings: [LangString]) {
        key(name)
        array(strings) { $1.write(to: &$0) }
    }

    mutating func values(_ name: StaticString, _ values: [RawValue]) {
        key(name)
        array(values) { $1.write(to: &$0) }
    }

    mutating func optional<T>(_ name: StaticString, _ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        guard let value else { return }
        key(name)
        write(&self, value)
    }
}
