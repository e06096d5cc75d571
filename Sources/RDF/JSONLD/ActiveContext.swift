/// The active context while a JSON-LD document is expanded (JSON-LD 1.1 API, §4.1).
///
/// A value type: scoped contexts derive a new one; the processor caches derivations by identity
/// so a type-scoped context applied to 50,000 nodes is processed once.
struct ActiveContext: Sendable {
    /// Identifies this context for the processor's cache; 0 for the initial context.
    var id = 0
    var base: String?
    var originalBase: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var terms: [String: TermDefinition] = [:]
    /// The context to return to when a non-propagated (type-scoped) context ends.
    var previous: PreviousContext?

    init(base: String?) {
        self.base = base
        originalBase = base
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// Boxes the previous context (a struct cannot contain itself).
final class PreviousContext: Sendable {
    let context: ActiveContext
    init(_ context: ActiveContext) { self.context = context }
}

enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ text: String) -> Bool { all.contains(text) }

    /// `@` followed by letters only: reserved for future keywords, ignored with a warning by the spec.
    static func looksLikeKeyword(_ text: String) -> Bool {
        guard text.hasPrefix("@"), text.count > 1 else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && $0.isLetter }
    }
}
