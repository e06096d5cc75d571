import Foundation

/// Expands one JSON-LD document and turns it into triples. Holds what one parse shares: the
/// context library, a cache of processed contexts, and blank-node labels.
final class JSONLDProcessor {
    let library: JSONLDContextLibrary
    let source: String
    private var nextContextID = 1
    private var contextCache: [ContextCacheKey: ActiveContext] = [:]

    struct ContextCacheKey: Hashable {
        var parent: Int
        var local: JSONValue
        var base: String?
        var overrideProtected: Bool
        var propagate: Bool
    }

    /// A processing error, with the JSON location where it was found (`@graph[2].distribution`).
    struct Failure: Error {
        var message: String
        var path: [String] = []
        var unknownContext: String?

        func at(_ component: String) -> Failure {
            var copy = self
            copy.path.insert(component, at: 0)
            return copy
        }

        var location: String {
            path.reduce("") { text, component in
                component.hasPrefix("[") ? text + component : (text.isEmpty ? component : text + "." + component)
            }
        }
    }

    init(library: JSONLDContextLibrary, source: String) {
        self.library = library
        self.source = source
    }

    /// Processes `local` on top of `active`, reusing an earlier result for the same inputs.
    func process(
        _ active: ActiveContext, local: JSONValue, base: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true
    ) throws(Failure) -> ActiveContext {
        let key = ContextCacheKey(parent: active.id, local: local, base: base, overrideProtected: overrideProtected, propagate: propagate)
        if active.id != 0 || remoteContexts.isEmpty, let cached = contextCache[key] { return cached }
        var result = try processContext(active, local: local, base: base, remoteContexts: remoteContexts,
                                         overrideProtected: overrideProtected, propagate: propagate)
        result.id = nextContextID
        nextContextID += 1
        contextCache[key] = result
        return result
    }

    /// The remote context at `url`, from the library; an error naming it otherwise.
    func remoteContext(_ url: String) throws(Failure) -> JSONValue {
        guard let document = library.document(for: url) else {
            throw Failure(message: "the remote context \(url) is not in the offline context library", unknownContext: url)
        }
        guard let context = document.objectValue?["@context"] else {
            throw Failure(message: "the remote context \(url) has no @context")
        }
        return context
    }
}

/// IRI helpers shared by context processing and expansion.
enum IRI {
    /// Has a scheme (`http:`, `urn:`, `mailto:`…) or is a blank node label.
    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Resolves `reference` against `base` (RFC 3986); the reference unchanged when it cannot be.
    static func resolve(_ reference: String, against base: String?) -> String {
        if isAbsolute(reference) { return reference }
        guard let base, let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else {
            return reference
        }
        return url.absoluteString
    }

    static func endsWithGenDelim(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ":/?#[]@".contains(last)
    }
}
