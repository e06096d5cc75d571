/// Creates term definitions from one local context (JSON-LD 1.1 API, §4.2), resolving the terms
/// a definition depends on first and refusing cycles.
struct TermDefiner {
    let processor: JSONLDProcessor
    let local: [String: JSONValue]
    let base: String?
    let protected: Bool
    let overrideProtected: Bool
    let remoteContexts: [String]
    /// false while a term is being defined, true once defined (cycle detection).
    var defined: [String: Bool] = [:]

    init(processor: JSONLDProcessor, local: [String: JSONValue], base: String?, protected: Bool, overrideProtected: Bool, remoteContexts: [String]) {
        self.processor = processor
        self.local = local
        self.base = base
        self.protected = protected
        self.overrideProtected = overrideProtected
        self.remoteContexts = remoteContexts
    }

    private static let allowedKeys: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    ]
    private static let containerValues: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]

    mutating func define(_ term: String, in active: inout ActiveContext) throws(JSONLDProcessor.Failure) {
        if let state = defined[term] {
            if state { return }
            throw JSONLDProcessor.Failure(message: "cyclic IRI mapping involving '\(term)'")
        }
        guard !term.isEmpty else { throw JSONLDProcessor.Failure(message: "invalid term definition: the empty term") }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" {
            guard let entries = value.objectValue, !entries.isEmpty,
                  entries.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                  entries["@container"] == nil || entries["@container"] == .string("@set") else {
                throw JSONLDProcessor.Failure(message: "keyword redefinition: @type may only be given @container @set or @protected")
            }
        } else if Keyword.isKeyword(term) {
            throw JSONLDProcessor.Failure(message: "keyword redefinition: \(term) cannot be defined")
        } else if Keyword.looksLikeKeyword(term) {
            defined[term] = true
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        let entries: [String: JSONValue]
        var simpleTerm = false
        switch value {
        case .null: entries = ["@id": .null]
        case .string: entries = ["@id": value]; simpleTerm = true
        case .object(let object): entries = object
        default: throw JSONLDProcessor.Failure(message: "invalid term definition for '\(term)': must be a string, an object or null")
        }
        for key in entries.keys where !Self.allowedKeys.contains(key) {
            throw JSONLDProcessor.Failure(message: "invalid term definition for '\(term)': unknown entry \(key)")
        }
        var definition = TermDefinition()
        if let flag = entries["@protected"] {
            guard case .bool(let value) = flag else { throw JSONLDProcessor.Failure(message: "invalid @protected value for '\(term)'") }
            definition.isProtected = value
        } else {
            definition.isProtected = protected
        }
        if let type = entries["@type"] {
            guard let text = type.stringValue else { throw JSONLDProcessor.Failure(message: "invalid type mapping for '\(term)': must be a string") }
            let expanded = try expandIRI(text, in: &active, vocab: true)
            guard let expanded, ["@id", "@json", "@none", "@vocab"].contains(expanded) || (IRI.isAbsolute(expanded) && !expanded.hasPrefix("_:")) else {
                throw JSONLDProcessor.Failure(message: "invalid type mapping for '\(term)': \(text)")
            }
            definition.typeMapping = expanded
        }
        if let reverse = entries["@reverse"] {
            try defineReverse(term, reverse, entries, &definition, &active)
            return finish(term, definition, previous: previous, in: &active)
        }
        try mapIRI(term, entries, simpleTerm, &definition, &active)
        try readContainer(term, entries, &definition)
        try readOptions(term, entries, &definition, &active)
        try finishChecked(term, definition, previous: previous, in: &active)
    }

    private mutating func defineReverse(
        _ term: String, _ reverse: JSONValue, _ entries: [String: JSONValue], _ definition: inout TermDefinition, _ active: inout ActiveContext
    ) throws(JSONLDProcessor.Failure) {
        guard entries["@id"] == nil, entries["@nest"] == nil else {
            throw JSONLDProcessor.Failure(message: "invalid reverse property: '\(term)' has @reverse with @id or @nest")
        }
        guard let text = reverse.stringValue else { throw JSONLDProcessor.Failure(message: "invalid IRI mapping: @reverse of '\(term)' must be a string") }
        guard let iri = try expandIRI(text, in: &active, vocab: true), iri.contains(":") else {
            throw JSONLDProcessor.Failure(message: "invalid IRI mapping: @reverse of '\(term)' is not an IRI")
        }
        definition.iri = iri
        definition.isReverse = true
        if let container = entries["@container"] {
            guard container == .null || container == .string("@set") || container == .string("@index") else {
                throw JSONLDProcessor.Failure(message: "invalid reverse property: container of '\(term)' must be @set or @index")
            }
            definition.container = Set(container.asArray.compactMap(\.stringValue))
        }
    }

    private mutating func mapIRI(
        _ term: String, _ entries: [String: JSONValue], _ simpleTerm: Bool, _ definition: inout TermDefinition, _ active: inout ActiveContext
    ) throws(JSONLDProcessor.Failure) {
        if let id = entries["@id"], id != .string(term) {
            switch id {
            case .null:
                definition.iri = nil
            case .string(let text):
                if !Keyword.isKeyword(text), Keyword.looksLikeKeyword(text) {
                    definition.iri = nil
                    return
                }
                guard let iri = try expandIRI(text, in: &active, vocab: true), Keyword.isKeyword(iri) || iri.contains(":") else {
                    throw JSONLDProcessor.Failure(message: "invalid IRI mapping for '\(term)': \(text)")
                }
                guard iri != "@context" else { throw JSONLDProcessor.Failure(message: "invalid keyword alias: @context cannot be aliased") }
                definition.iri = iri
                // JSON-LD 1.1 (§4.2.2 step 14.2.3) refuses a term that looks like an IRI but maps
                // elsewhere. The official DCAT-AP 3.0.1 context defines `Xsd:dateTime` that way, so
                // such terms are accepted: the term still means what the context says.
                if term.dropFirst().dropLast().contains(":") || term.contains("/") { defined[term] = true }
                if !term.contains(":"), !term.contains("/"), simpleTerm, IRI.endsWithGenDelim(iri) || iri.hasPrefix("_:") {
                    definition.isPrefix = true
                }
            default:
                throw JSONLDProcessor.Failure(message: "invalid IRI mapping for '\(term)': @id must be a string or null")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if local[prefix] != nil { try define(prefix, in: &active) }
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            guard let iri = try expandIRI(term, in: &active, vocab: true), IRI.isAbsolute(iri) else {
                throw JSONLDProcessor.Failure(message: "invalid IRI mapping: '\(term)' does not expand to an IRI")
            }
            definition.iri = iri
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocab = active.vocab {
            definition.iri = vocab + term
        } else {
            throw JSONLDProcessor.Failure(message: "invalid IRI mapping: '\(term)' has no @id and the context has no @vocab")
        }
    }

    private func readContainer(_ term: String, _ entries: [String: JSONValue], _ definition: inout TermDefinition) throws(JSONLDProcessor.Failure) {
        guard let container = entries["@container"] else { return }
        let values = container.asArray.compactMap(\.stringValue)
        guard values.count == container.asArray.count, values.allSatisfy(Self.containerValues.contains) else {
            throw JSONLDProcessor.Failure(message: "invalid container mapping for '\(term)'")
        }
        definition.container = Set(values)
        if definition.container.contains("@type") {
            if definition.typeMapping == nil { definition.typeMapping = "@id" }
            guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                throw JSONLDProcessor.Failure(message: "invalid type mapping for '\(term)': a @type container needs @id or @vocab")
            }
        }
    }

    private mutating func readOptions(
        _ term: String, _ entries: [String: JSONValue], _ definition: inout TermDefinition, _ active: inout ActiveContext
    ) throws(JSONLDProcessor.Failure) {
        if let index = entries["@index"] {
            guard definition.container.contains("@index"), let text = index.stringValue, !Keyword.isKeyword(text) else {
                throw JSONLDProcessor.Failure(message: "invalid term definition for '\(term)': @index needs an @index container")
            }
            definition.index = text
        }
        if let context = entries["@context"] {
            do {
                _ = try processor.process(active, local: context, base: base, remoteContexts: remoteContexts, overrideProtected: true)
            } catch {
                throw JSONLDProcessor.Failure(message: "invalid scoped context for '\(term)': \(error.message)", unknownContext: error.unknownContext)
            }
            definition.localContext = context
            definition.baseURL = base
        }
        if let language = entries["@language"], entries["@type"] == nil {
            switch language {
            case .null: definition.language = .some(nil)
            case .string(let text): definition.language = .some(text.lowercased())
            default: throw JSONLDProcessor.Failure(message: "invalid language mapping for '\(term)'")
            }
        }
        if let direction = entries["@direction"], entries["@type"] == nil {
            switch direction {
            case .null: definition.direction = .some(nil)
            case .string(let text) where text == "ltr" || text == "rtl": definition.direction = .some(text)
            default: throw JSONLDProcessor.Failure(message: "invalid base direction for '\(term)'")
            }
        }
        if let nest = entries["@nest"] {
            guard let text = nest.stringValue, text == "@nest" || !Keyword.isKeyword(text) else {
                throw JSONLDProcessor.Failure(message: "invalid @nest value for '\(term)'")
            }
            definition.nest = text
        }
        if let prefix = entries["@prefix"] {
            guard case .bool(let flag) = prefix, !term.contains(":"), !term.contains("/") else {
                throw JSONLDProcessor.Failure(message: "invalid term definition for '\(term)': @prefix")
            }
            guard !flag || !Keyword.isKeyword(definition.iri ?? "") else {
                throw JSONLDProcessor.Failure(message: "invalid term definition for '\(term)': a keyword alias cannot be a prefix")
            }
            definition.isPrefix = flag
        }
    }

    private mutating func finishChecked(_ term: String, _ definition: TermDefinition, previous: TermDefinition?, in active: inout ActiveContext) throws(JSONLDProcessor.Failure) {
        if !overrideProtected, let previous, previous.isProtected {
            guard definition.sameDefinition(as: previous) else {
                throw JSONLDProcessor.Failure(message: "protected term redefinition: '\(term)'")
            }
            finish(term, previous, previous: nil, in: &active)
            return
        }
        finish(term, definition, previous: previous, in: &active)
    }

    private mutating func finish(_ term: String, _ definition: TermDefinition, previous: TermDefinition?, in active: inout ActiveContext) {
        active.terms[term] = definition
        defined[term] = true
    }

    /// IRI expansion while the context is being built: terms of the local context are defined first.
    mutating func expandIRI(_ value: String, in active: inout ActiveContext, vocab: Bool) throws(JSONLDProcessor.Failure) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.looksLikeKeyword(value) { return nil }
        if local[value] != nil, defined[value] != true { try define(value, in: &active) }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            if local[prefix] != nil, defined[prefix] != true { try define(prefix, in: &active) }
        }
        return processor.expandIRI(value, in: active, documentRelative: false, vocab: vocab)
    }
}
