/// IRI expansion against a finished active context (JSON-LD 1.1 API, §5.2).
extension JSONLDProcessor {
    func expandIRI(_ value: String, in active: ActiveContext, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.looksLikeKeyword(value) { return nil }
        if let definition = active.terms[value] {
            if let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = value[..<colon]
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = active.terms[String(prefix)], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let base = active.vocab { return base + value }
        if documentRelative { return IRI.resolve(value, against: active.base) }
        return value
    }
}
