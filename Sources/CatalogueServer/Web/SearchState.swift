import CatalogueModel
import Foundation

/// What a search page shows, as its URL says it: the text, the filters in the order given, the
/// sort and the page. Every link of the page is this state changed in one way, so the whole state
/// lives in the URL (shareable, and back and forward work with or without JavaScript).
struct SearchState: Sendable {
    struct Filter: Hashable, Sendable {
        var field: String
        var value: String
    }

    var text: String
    var filters: [Filter]
    var sort: SearchRequest.Sort
    var page: Int
    var perPage: Int
    var language: WebLanguage

    init(_ query: SearchQuery, language: WebLanguage = .en) {
        self.language = language
        text = query.text
        filters = query.filters.compactMap { filter in
            guard let equals = filter.firstIndex(of: "=") else { return nil }
            return Filter(field: String(filter[..<equals]), value: String(filter[filter.index(after: equals)...]))
        }
        sort = query.sort
        page = query.page
        perPage = query.perPage
    }

    /// Without `filter` (every spelling of it that resolved to the same value goes with the chip).
    func removing(_ removed: [Filter]) -> SearchState {
        var state = self
        state.filters.removeAll { removed.contains($0) }
        state.page = 1
        return state
    }

    func withoutFilters() -> SearchState {
        var state = self
        state.filters = []
        state.page = 1
        return state
    }

    func with(text: String) -> SearchState {
        var state = self
        state.text = text
        state.page = 1
        return state
    }

    func with(language: WebLanguage) -> SearchState {
        var state = self
        state.language = language
        return state
    }

    func at(page: Int) -> SearchState {
        var state = self
        state.page = page
        return state
    }

    /// The query string, defaults left out: `q`, each filter, `sort`, `page`, `perPage`, `lang`.
    var queryString: String {
        var items: [(String, String)] = []
        if !text.isEmpty { items.append(("q", text)) }
        items += filters.map { ($0.field, $0.value) }
        if sort != .relevance { items.append(("sort", sort.rawValue)) }
        if page != 1 { items.append(("page", String(page))) }
        if perPage != 20 { items.append(("perPage", String(perPage))) }
        if language != .en { items.append(("lang", language.rawValue)) }
        return items.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&")
    }

    /// The search page's URL for this state.
    var url: String {
        let query = queryString
        return query.isEmpty ? "/" : "/?" + query
    }

    /// Percent-encodes a query value: everything but RFC 3986's unreserved characters and the
    /// IRI punctuation that is safe in a query (`:` `/` `@`), so `&`, `=`, `+` and `#` never split it.
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? ""
    }

    private static let queryValueCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/@")
}
