/// A search as a person or a client wrote it, before validation: filters are `FIELD=VALUE`
/// strings whose values may be concept IRIs or `SYSTEM:CODE` codes. The engine resolves it into a
/// `SearchRequest` or says exactly what is wrong.
public struct SearchQuery: Hashable, Sendable {
    public var text: String
    public var filters: [String]
    public var sort: SearchRequest.Sort
    public var page: Int
    public var perPage: Int

    public init(text: String = "", filters: [String] = [], sort: SearchRequest.Sort = .relevance, page: Int = 1, perPage: Int = 20) {
        self.text = text
        self.filters = filters
        self.sort = sort
        self.page = page
        self.perPage = perPage
    }
}

extension SearchQuery {
    public static let perPageRange = 1...1_000
    /// How deep into the results a page may reach: page × perPage at most this. Deeper pages cost
    /// the index a sort of everything before them, and no person pages that far.
    public static let maximumReach = 100_000

    /// Checks `page` and `perPage` against the documented bounds, with checked arithmetic, so the
    /// CLI and any other client are refused alike; returns the offset of the page's first result.
    @discardableResult
    public func checkPaging() throws(SearchPagingError) -> Int {
        guard page >= 1 else { throw .page(page) }
        guard Self.perPageRange.contains(perPage) else { throw .perPage(perPage) }
        let (reach, overflow) = page.multipliedReportingOverflow(by: perPage)
        guard !overflow, reach <= Self.maximumReach else { throw .beyondReach(page: page, perPage: perPage) }
        return reach - perPage
    }
}
