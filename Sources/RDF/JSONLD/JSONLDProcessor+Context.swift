/// Context processing (JSON-LD 1.1 API, §4.1).
extension JSONLDProcessor {
    private static let contextKeys: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    ]

    func processContext(
        _ active: ActiveContext, local: JSONValue, base: String?, remoteContexts: [String],
        overrideProtected: Bool, propagate propagateDefault: Bool
    ) throws(Failure) -> ActiveContext {
        var result = active
        var propagate = propagateDefault
        if case .bool(let flag)? = local.objectValue?["@propagate"] { propagate = flag }
        if !propagate, result.previous == nil { result.previous = PreviousContext(active) }
        var remoteContexts = remoteContexts
        for context in local.asArray.isEmpty && local.isNull ? [JSONValue.null] : local.asArray {
            switch context {
            case .null:
                guard overrideProtected || !result.hasProtectedTerms else {
                    throw Failure(message: "invalid context nullification: the active context has protected terms")
                }
                let previous = result.previous
                result = ActiveContext(base: active.originalBase)
                if !propagate { result.previous = previous ?? PreviousContext(active) }
            case .string(let reference):
                let url = IRI.resolve(reference, against: base)
                guard remoteContexts.count < 32 else { throw Failure(message: "context overflow: too many nested remote contexts") }
                if remoteContexts.contains(url) { continue }
                remoteContexts.append(url)
                result = try processContext(result, local: try remoteContext(url), base: url, remoteContexts: remoteContexts,
                                            overrideProtected: overrideProtected, propagate: true)
            case .object(let definitions):
                result = try apply(definitions, to: result, base: base, remoteContexts: remoteContexts, overrideProtected: overrideProtected)
            default:
                throw Failure(message: "invalid local context: a context must be null, a string or an object")
            }
        }
        return result
    }

    private func apply(
        _ definitions: [String: JSONValue], to active: ActiveContext, base: String?, remoteContexts: [String],
        overrideProtected: Bool
    ) throws(Failure) -> ActiveContext {
        var result = active
        var definitions = definitions
        if let version = definitions["@version"], version != .number(1.1) {
            throw Failure(message: "invalid @version value: only 1.1 is defined")
        }
        if let imported = definitions["@import"] {
            definitions = try importContext(imported, into: definitions, base: base)
        }
        if let baseValue = definitions["@base"], remoteContexts.isEmpty {
            switch baseValue {
            case .null: result.base = nil
            case .string(let text): result.base = IRI.isAbsolute(text) ? text : IRI.resolve(text, against: result.base)
            default: throw Failure(message: "invalid base IRI: @base must be a string or null")
            }
        }
        if let vocab = definitions["@vocab"] {
            switch vocab {
            case .null: result.vocab = nil
            case .string(let text): result.vocab = text.isEmpty && result.base == nil ? nil : expandIRI(text, in: result, documentRelative: true, vocab: true)
            default: throw Failure(message: "invalid vocab mapping: @vocab must be a string or null")
            }
        }
        if let language = definitions["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let text): result.defaultLanguage = text.lowercased()
            default: throw Failure(message: "invalid default language: @language must be a string or null")
            }
        }
        if let direction = definitions["@direction"] {
            switch direction {
            case .null: result.defaultDirection = nil
            case .string(let text) where text == "ltr" || text == "rtl": result.defaultDirection = text
            default: throw Failure(message: "invalid base direction: use ltr, rtl or null")
            }
        }
        if let propagate = definitions["@propagate"], case .bool = propagate {} else if definitions["@propagate"] != nil {
            throw Failure(message: "invalid @propagate value: must be true or false")
        }
        var protected = false
        if let value = definitions["@protected"] {
            guard case .bool(let flag) = value else { throw Failure(message: "invalid @protected value: must be true or false") }
            protected = flag
        }
        var definer = TermDefiner(
            processor: self, local: definitions, base: base, protected: protected,
            overrideProtected: overrideProtected, remoteContexts: remoteContexts)
        for term in definitions.keys.sorted() where !Self.contextKeys.contains(term) {
            do {
                try definer.define(term, in: &result)
            } catch {
                throw error.at(term)
            }
        }
        return result
    }

    private func importContext(_ value: JSONValue, into definitions: [String: JSONValue], base: String?) throws(Failure) -> [String: JSONValue] {
        guard let reference = value.stringValue else { throw Failure(message: "invalid @import value: must be a string") }
        let url = IRI.resolve(reference, against: base)
        guard let imported = try remoteContext(url).objectValue else {
            throw Failure(message: "invalid remote context: the context imported from \(url) is not an object")
        }
        guard imported["@import"] == nil else { throw Failure(message: "invalid context entry: an imported context cannot import") }
        var merged = imported
        for (key, entry) in definitions where key != "@import" { merged[key] = entry }
        return merged
    }
}
