/// Why a query's paging was refused.
public enum SearchPagingError: Error, Hashable, Sendable, CustomStringConvertible {
    case page(Int)
    case perPage(Int)
    case beyondReach(page: Int, perPage: Int)

    /// The parameter refused, as the JSON contract names it.
    public var parameter: String {
        switch self {
        case .page, .beyondReach: "page"
        case .perPage: "perPage"
        }
    }

    public var description: String {
        switch self {
        case .page(let page):
            "the page must be 1 or more, got \(page)"
        case .perPage(let perPage):
            "the page size must be between \(SearchQuery.perPageRange.lowerBound) and \(SearchQuery.perPageRange.upperBound), got \(perPage)"
        case .beyondReach(let page, let perPage):
            "page \(page) at \(perPage) per page goes deeper than the first \(SearchQuery.maximumReach) results, the most a search "
                + "pages through (page × per-page ≤ \(SearchQuery.maximumReach)); narrow the search with words or filters instead"
        }
    }
}
