import CatalogueModel
import Foundation
import SearchIndex
import Testing
@testable import CXapian

/// The shim's error paths: Xapian's exceptions arrive in Swift as errors with their class and message.
@Suite struct XapianErrorTests {
    @Test func openingAMissingDatabaseReportsDatabaseNotFound() {
        let error = #expect(throws: SearchIndexError.self) {
            try SearchIndex.open(at: "/nonexistent/catalogue-index", mode: .readOnly)
        }
        #expect(["DatabaseNotFoundError", "DatabaseOpeningError"].contains(error?.xapianErrorClass ?? ""))
        #expect(error?.description.contains("/nonexistent/catalogue-index") == true)
    }

    @Test func aMalformedQueryReportsAQueryParserError() throws {
        let index = try SearchIndex.inMemory()
        try index.replace([IndexedDataset(key: DatasetKey(node: "n", id: "a"), title: "lung", text: [], facetValues: [:])])
        let error = #expect(throws: SearchIndexError.self) { try index.search(SearchRequest(text: "lung AND")) }
        #expect(error?.xapianErrorClass == "QueryParserError")
    }

    @Test func sortingOnAnInvalidValueSlotIsAnErrorNotACrash() throws {
        var error: UnsafeMutablePointer<cx_error>?
        let database = try #require(cx_database_open("", Int32(CX_OPEN_IN_MEMORY), &error))
        defer { cx_database_close(database) }
        var request = cx_search_request(
            text: nil, filter_terms: nil, filter_groups: nil, filter_count: 0,
            sort: Int32(CX_SORT_VALUE_ASCENDING), sort_slot: 0xFFFF_FFFF, offset: 0, limit: 10,
            facet_prefixes: nil, facet_excluded_groups: nil, facet_count: 0,
            synonym_texts: nil, synonym_term_counts: nil, synonym_terms: nil, synonym_count: 0)
        let result = cx_database_search(database, &request, &error)
        #expect(result == nil)
        let reported = try #require(error)
        defer { cx_error_free(reported) }
        #expect(String(cString: reported.pointee.error_class) == "InvalidArgumentError")
        #expect(reported.pointee.code == Int32(CX_ERR_INVALID_ARGUMENT))
    }

    @Test func writingToAReadOnlyHandleIsAnInvalidOperation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-ro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SearchIndex.open(at: folder.path, mode: .readWrite)
        let reader = try SearchIndex.open(at: folder.path, mode: .readOnly)
        let error = #expect(throws: SearchIndexError.self) { try reader.commit() }
        #expect(error?.xapianErrorClass == "InvalidOperationError")
    }
}
