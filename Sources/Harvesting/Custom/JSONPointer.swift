import Foundation
import RDF

/// A JSON Pointer (RFC 6901) with one extension: a `*` token selects every element of an array
/// (or every value of an object), so `/series/*/modality` reads one value per series.
struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    let tokens: [String]
    let description: String

    /// nil when `text` is not a pointer (it must be empty or start with `/`).
    init?(_ text: String) {
        guard text.isEmpty || text.hasPrefix("/") else { return nil }
        description = text
        tokens = text.isEmpty ? [] : text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    func evaluate(_ value: JSONValue) -> [JSONValue] {
        var current = [value]
        for token in tokens {
            current = current.flatMap { step($0, token) }
        }
        return current.filter { !$0.isNull }
    }

    private func step(_ value: JSONValue, _ token: String) -> [JSONValue] {
        switch value {
        case .object(let entries):
            if token == "*" { return entries.keys.sorted().compactMap { entries[$0] } }
            return entries[token].map { [$0] } ?? []
        case .array(let items):
            if token == "*" { return items }
            guard let index = Int(token), items.indices.contains(index) else { return [] }
            return [items[index]]
        default:
            return []
        }
    }
}
