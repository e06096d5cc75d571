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
