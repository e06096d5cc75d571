/// One term of an active context (JSON-LD 1.1 API, §4.2).
struct TermDefinition: Hashable, Sendable {
    /// The IRI or keyword the term expands to; nil for a term mapped to null (its key is dropped).
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    /// `@id`, `@vocab`, `@json`, `@none` or a datatype IRI.
    var typeMapping: String?
    /// `.some(nil)`: the term explicitly has no language.
    var language: String??
    var direction: String??
    var container: Set<String> = []
    /// A scoped context (property- or type-scoped), processed when the term is used.
    var localContext: JSONValue?
    var baseURL: String?
    var nest: String?
    var index: String?

    /// Equal apart from protection: what a protected term may be redefined to.
    func sameDefinition(as other: TermDefinition) -> Bool {
        var mine = self
        var theirs = other
        mine.isProtected = false
        theirs.isProtected = false
        return mine == theirs
    }
}
