import CatalogueModel
import Foundation
import SearchIndex
import Testing

@Suite struct SearchIndexTests {
    static let lung = "https://e.org/ct/lung", nsclc = "https://e.org/ct/nsclc", cancer = "https://e.org/ct/cancer"
    static let breast = "https://e.org/ct/breast", ct = "https://e.org/mod/ct", mr = "https://e.org/mod/mr"

    static func dataset(_ id: String, node: String = "n1", title: String, text: [String] = [], cancer: [String] = [],
                        modality: [String] = [], subjects: Int? = nil, modified: String? = nil) -> IndexedDataset {
        IndexedDataset(
            key: DatasetKey(node: node, id: id), title: title, text: text,
            facetValues: [.cancerType: cancer, .modality: modality, .node: [node]], subjects: subjects, modified: modified)
    }

    static let sample = [
        dataset("a", title: "Lung CT screening", text: ["Low-dose tumours"], cancer: [nsclc, lung, cancer], modality: [ct], subjects: 500, modified: "2024-01-01"),
        dataset("b", title: "Lung MR", cancer: [lung, cancer], modality: [mr], subjects: 20, modified: "2026-02-01"),
        dataset("c", node: "n2", title: "Breast MR", cancer: [breast, cancer], modality: [mr, ct], subjects: 90),
        dataset("d", node: "n2", title: "Ätiologie atlas", cancer: [], modality: [ct], modified: "2020-05-05"),
    ]

    private func indexed(_ backend: IndexBackend, _ datasets: [IndexedDataset] = sample) throws -> (SearchIndex, () -> Void) {
        let (index, cleanup) = try backend.make()
        try index.replace(datasets)
        try index.commit()
        return (index, cleanup)
    }

    @Test(arguments: IndexBackend.allCases)
    func matchAllReturnsEveryDocumentWithExactFacetCounts(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        let result = try index.search(SearchRequest())
        #expect(result.total == 4)
        #expect(result.hits.map(\.id) == ["a", "b", "c", "d"])
        #expect(result.facets[.cancerType] == [Self.cancer: 3, Self.lung: 2, Self.nsclc: 1, Self.breast: 1])
        #expect(result.facets[.modality] == [Self.ct: 3, Self.mr: 2])
        #expect(result.facets[.node] == ["n1": 2, "n2": 2])
    }

    @Test(arguments: IndexBackend.allCases)
    func filtersAreOredWithinAFieldAndAndedAcross(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        let or = try index.search(SearchRequest(filters: [.cancerType: [Self.nsclc, Self.breast]]))
        #expect(Set(or.hits.map(\.id)) == ["a", "c"])
        let and = try index.search(SearchRequest(filters: [.cancerType: [Self.lung], .modality: [Self.mr]]))
        #expect(and.hits.map(\.id) == ["b"])
        #expect(and.total == 1)
    }

    @Test(arguments: IndexBackend.allCases)
    func facetWithSelectionIsCountedWithoutItsOwnFilter(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        let result = try index.search(SearchRequest(filters: [.modality: [Self.mr], .node: ["n1"]]))
        #expect(result.hits.map(\.id) == ["b"])
        // modality counted over node=n1 only (own filter removed): a has CT, b has MR.
        #expect(result.facets[.modality] == [Self.ct: 1, Self.mr: 1])
        // node counted over modality=MR only: b (n1) and c (n2).
        #expect(result.facets[.node] == ["n1": 1, "n2": 1])
        // cancer type has no selection: counted over the full match (b only).
        #expect(result.facets[.cancerType] == [Self.lung: 1, Self.cancer: 1])
    }

    @Test(arguments: IndexBackend.allCases)
    func totalsAndFacetsStayExactBeyondTheFirstPage(backend: IndexBackend) throws {
        let many = (0..<2_500).map { i in
            Self.dataset("d\(i)", node: "n\(i % 7)", title: "Collection \(i) of scans", cancer: i % 3 == 0 ? [Self.lung] : [Self.breast],
                         modality: [Self.ct], subjects: i)
        }
        let (index, cleanup) = try indexed(backend, many)
        defer { cleanup() }
        let result = try index.search(SearchRequest(text: "scans", perPage: 10))
        #expect(result.total == 2_500)
        #expect(result.hits.count == 10)
        #expect(result.facets[.cancerType] == [Self.lung: 834, Self.breast: 1_666])
        #expect(result.facets[.node]?["n0"] == 358)
        let filtered = try index.search(SearchRequest(filters: [.cancerType: [Self.lung]], sort: .subjects, perPage: 5))
        #expect(filtered.total == 834)
        #expect(filtered.hits.map(\.id) == ["d2499", "d2496", "d2493", "d2490", "d2487"])
    }

    @Test(arguments: IndexBackend.allCases)
    func replacingByKeyDoesNotDuplicateAndRemoveDeletes(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        try index.replace([Self.dataset("a", title: "Renamed collection", modality: [Self.mr])])
        try index.commit()
        #expect(try index.documentCount == 4)
        #expect(try index.search(SearchRequest(text: "renamed")).hits.map(\.id) == ["a"])
        #expect(try index.search(SearchRequest(text: "screening")).total == 0)
        try index.remove([DatasetKey(node: "n1", id: "a")])
        try index.commit()
        let browse = try index.search(SearchRequest())
        #expect(browse.total == 3)
        #expect(browse.facets[.node] == ["n1": 1, "n2": 2])
        #expect(browse.facets[.cancerType] == [Self.cancer: 2, Self.lung: 1, Self.breast: 1])
        try index.removeAll()
        #expect(try index.documentCount == 0)
    }

    @Test(arguments: IndexBackend.allCases)
    func sortsBySubjectsModifiedTitleAndPages(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        #expect(try index.search(SearchRequest(sort: .subjects)).hits.map(\.id) == ["a", "c", "b", "d"])
        #expect(try index.search(SearchRequest(sort: .modified)).hits.map(\.id) == ["b", "a", "d", "c"])
        #expect(try index.search(SearchRequest(sort: .title)).hits.map(\.id) == ["d", "c", "a", "b"])
        let second = try index.search(SearchRequest(sort: .subjects, page: 2, perPage: 3))
        #expect(second.hits.map(\.id) == ["d"])
        #expect(second.total == 4)
    }

    @Test(arguments: IndexBackend.allCases)
    func freeTextIsStemmedAndCombinesWithFilters(backend: IndexBackend) throws {
        let (index, cleanup) = try indexed(backend)
        defer { cleanup() }
        #expect(try index.search(SearchRequest(text: "tumour")).hits.map(\.id) == ["a"])
        #expect(try index.search(SearchRequest(text: "lung")).total == 2)
        #expect(try index.search(SearchRequest(text: "lung", filters: [.modality: [Self.mr]])).hits.map(\.id) == ["b"])
        #expect(try index.search(SearchRequest(text: "lung breast")).total == 0)
    }

    @Test(arguments: IndexBackend.allCases)
    func overlongValuesAreFilteredAndCountedByTheirOriginalValue(backend: IndexBackend) throws {
        let long = "https://e.org/" + String(repeating: "x", count: 400)
        let (index, cleanup) = try indexed(backend, [Self.dataset("long", title: "Long", cancer: [long])])
        defer { cleanup() }
        let result = try index.search(SearchRequest(filters: [.cancerType: [long]]))
        #expect(result.total == 1)
        #expect(result.facets[.cancerType] == [long: 1])
    }

    @Test func readOnlyReaderSeesCommittedDocuments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-ro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try SearchIndex.open(at: folder.path, mode: .readWrite)
        try writer.replace(Self.sample)
        try writer.commit()
        let reader = try SearchIndex.open(at: folder.path, mode: .readOnly)
        #expect(try reader.search(SearchRequest()).total == 4)
        try writer.replace([Self.dataset("e", title: "Extra")])
        try writer.commit()
        try reader.reopen()
        #expect(try reader.search(SearchRequest()).total == 5)
        #expect(throws: SearchIndexError.self) { try reader.replace([Self.dataset("f", title: "Not allowed")]) }
    }
}
