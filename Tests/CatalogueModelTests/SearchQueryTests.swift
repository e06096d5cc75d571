import CatalogueModel
import Testing

/// Paging bounds, checked with checked arithmetic before any offset is computed.
@Suite struct SearchQueryTests {
    @Test func givesTheOffsetOfAPageWithinTheBounds() throws {
        #expect(try SearchQuery().checkPaging() == 0)
        #expect(try SearchQuery(page: 3, perPage: 20).checkPaging() == 40)
        #expect(try SearchQuery(page: 100, perPage: 1_000).checkPaging() == 99_000)
        #expect(try SearchQuery(page: 100_000, perPage: 1).checkPaging() == 99_999)
    }

    @Test func refusesPagesOutsideTheBoundsWithoutOverflowing() {
        #expect(throws: SearchPagingError.page(0)) { try SearchQuery(page: 0).checkPaging() }
        #expect(throws: SearchPagingError.page(Int.min)) { try SearchQuery(page: Int.min).checkPaging() }
        #expect(throws: SearchPagingError.perPage(0)) { try SearchQuery(perPage: 0).checkPaging() }
        #expect(throws: SearchPagingError.perPage(1_001)) { try SearchQuery(perPage: 1_001).checkPaging() }
        #expect(throws: SearchPagingError.beyondReach(page: 101, perPage: 1_000)) { try SearchQuery(page: 101, perPage: 1_000).checkPaging() }
        #expect(throws: SearchPagingError.beyondReach(page: Int.max, perPage: 20)) { try SearchQuery(page: Int.max).checkPaging() }
        #expect(SearchPagingError.beyondReach(page: Int.max, perPage: 20).parameter == "page")
        #expect(SearchPagingError.perPage(0).parameter == "perPage")
    }
}
