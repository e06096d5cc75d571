import CatalogueModel
import CatalogueStore
import Foundation
import SearchIndex
import Vocabulary

extension CatalogueService {
    /// Runs a faceted search: validates the filters, asks the index for one page with exact
    /// counts, and loads the page's datasets from the catalogue.
    public func search(_ query: SearchQuery) throws -> SearchResponse {
        let nodes = try storeCall { try store.nodeNames() }
        let request = try resolve(query, knownNodes: Set(nodes.keys))
        let filters = request.filters
        guard FileManager.default.fileExists(atPath: configuration.indexPath.path) else {
            guard try storeCall({ try store.datasetCount }) == 0 else {
                throw CatalogueEngineError.indexStale("the search index is missing")
            }
            return SearchResponse(total: 0, page: query.page, perPage: query.perPage, datasets: [], facets: SearchResponse.Facets([:]))
        }
        let index = try indexCall { try searchReader() }
        let result = try indexCall { try index.search(request) }
        let suggestion = spelling.suggestion(for: query.text) { word in
            (try? index.documentFrequency(ofWord: word)).map { $0 > 0 } ?? true
        }
        let records = try storeCall { try store.normalisedRecords(result.hits) }
        let builder = DatasetViewBuilder(vocabulary: vocabulary)
        let names = nodes.mapValues { $0 ?? "" }.filter { !$0.value.isEmpty }
        let facets = FacetTreeBuilder(vocabulary: vocabulary, nodeNames: names).build(result.facets, selected: filters)
        return SearchResponse(
            total: result.total, page: query.page, perPage: query.perPage,
            datasets: records.map { builder.view($0.normalised, source: $0.source) },
            facets: SearchResponse.Facets(facets), suggestion: suggestion,
            interpretedAs: Dictionary(request.synonyms.map { ($0.text, $0.concepts.values.flatMap { $0 }) }, uniquingKeysWith: { $0 + $1 }))
    }

    /// Validates a query and resolves its filters (codes and IRIs to concepts) into an index request.
    public func resolve(_ query: SearchQuery) throws -> SearchRequest {
        try resolve(query, knownNodes: Set(try storeCall { try store.nodeNames() }.keys))
    }

    private func resolve(_ query: SearchQuery, knownNodes: Set<String>) throws -> SearchRequest {
        let filters = try FilterResolver(vocabulary: vocabulary, knownNodes: knownNodes).resolve(query.filters)
        let interpretation = QueryInterpreter(vocabulary: vocabulary).interpret(query.text)
        return SearchRequest(
            text: interpretation.rest, filters: filters, sort: query.sort, page: query.page, perPage: query.perPage,
            synonyms: interpretation.clauses)
    }

    private func searchReader() throws -> SearchIndex {
        if let reader {
            try reader.reopen()
            return reader
        }
        let opened: SearchIndex
        do {
            opened = try SearchIndex.open(at: configuration.indexPath.path, mode: .readOnly)
        } catch let error as SearchIndexError {
            if case .outdatedFormat = error { throw CatalogueEngineError.indexStale(error.description) }
            throw error
        }
        reader = opened
        return opened
    }

    /// Rebuilds the search index from the catalogue; returns the number of datasets indexed.
    @discardableResult
    public func reindex() throws -> Int {
        let builder = IndexDocumentBuilder(vocabulary: vocabulary)
        reader = nil
        return try indexCall {
            let index = try SearchIndex.open(at: configuration.indexPath.path, mode: .readWrite, forRebuild: true)
            try index.removeAll()
            var count = 0
            try store.forEachNormalised(batchSize: 1_000) { batch in
                try index.replace(batch.parallelMap(builder.document))
                count += batch.count
            }
            try index.commit()
            return count
        }
    }
}
