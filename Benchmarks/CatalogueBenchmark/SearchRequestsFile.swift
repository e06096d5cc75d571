import CatalogueModel
import Foundation

/// The search mix as `GET /api/v1/datasets?…` paths, one per line: written by `search
/// --requests FILE`, replayed over HTTP by `Benchmarks/http/search-mix.lua` (wrk) and in-process
/// by `replay`, so both time exactly the same searches.
enum SearchRequestsFile {
    /// Characters left as they are in a query value (RFC 3986 unreserved); everything else is
    /// percent-encoded, `+`, `&`, `=` and `#` of IRIs and codes included.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func path(of query: SearchQuery) -> String {
        var items: [(String, String)] = []
        if !query.text.isEmpty { items.append(("q", query.text)) }
        for filter in query.filters {
            let parts = filter.split(separator: "=", maxSplits: 1)
            items.append((String(parts[0]), String(parts[1])))
        }
        if query.sort != .relevance { items.append(("sort", query.sort.rawValue)) }
        if query.page != 1 { items.append(("page", String(query.page))) }
        if query.perPage != 20 { items.append(("perPage", String(query.perPage))) }
        let encoded = items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved)!)" }
        return "/api/v1/datasets" + (encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&"))
    }

    /// The query a path of this file stands for (the inverse of ``path(of:)``).
    static func query(of path: String) throws -> SearchQuery {
        guard let components = URLComponents(string: path), components.path == "/api/v1/datasets" else {
            throw ValidationFailure("'\(path)' is not a search path")
        }
        var query = SearchQuery()
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "q": query.text = value
            case "sort":
                guard let sort = SearchRequest.Sort(rawValue: value) else { throw ValidationFailure("unknown sort '\(value)' in '\(path)'") }
                query.sort = sort
            case "page": query.page = Int(value) ?? 0
            case "perPage": query.perPage = Int(value) ?? 0
            default: query.filters.append("\(item.name)=\(value)")
            }
        }
        return query
    }

    static func write(_ queries: [SearchQuery], to file: URL) throws {
        try (queries.map(path(of:)).joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    static func read(_ file: URL) throws -> [SearchQuery] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { try query(of: String($0)) }
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
