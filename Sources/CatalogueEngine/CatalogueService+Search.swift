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
        let suggestion = spelling.suggestion(for: try SearchText.parse(query.text).canonical) { word in
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

    /// Each filter's resolved values on its own (concept IRIs, node ids, access-right codes), in
    /// order: what a page needs to tell which given filters chose which value.
    public func resolveEach(_ filters: [String]) throws -> [Set<String>] {
        let resolver = FilterResolver(vocabulary: vocabulary, knownNodes: Set(try storeCall { try store.nodeNames() }.keys))
        return try filters.map { filter in try resolver.resolve([filter]).values.reduce(into: Set<String>()) { $0.formUnion($1) } }
    }

    /// Validates a query and resolves its filters (codes and IRIs to concepts) into an index request.
    public func resolve(_ query: SearchQuery) throws -> SearchRequest {
        try resolve(query, knownNodes: Set(try storeCall { try store.nodeNames() }.keys))
    }

    /// Checks paging and parses the text before anything is looked up: the text goes on in its
    /// canonical form only (lower-cased words, quoted phrases), so no operator reaches the index.
    private func resolve(_ query: SearchQuery, knownNodes: Set<String>) throws -> SearchRequest {
        do {
            try query.checkPaging()
        } catch {
            throw CatalogueEngineError.invalidSearch(parameter: error.parameter, reason: error.description)
        }
        let text: SearchText
        do {
            text = try SearchText.parse(query.text)
        } catch {
            throw CatalogueEngineError.invalidSearch(parameter: "text", reason: error.description)
        }
        let filters = try FilterResolver(vocabulary: vocabulary, knownNodes: knownNodes).resolve(query.filters)
        // Loose words only: a quoted phrase is matched as its words, never read as a concept.
        let interpretation = QueryInterpreter(vocabulary: vocabulary).interpret(text.wordsAsWritten.joined(separator: " "))
        // The interpreter re-splits its input on white space; should that ever split a word
        // otherwise (grapheme clusters), all words stay: a narrower search, never a wider one.
        let restWords = interpretation.rest.split(separator: " ").map { $0.lowercased() }
        let rest = Set(restWords).isSubset(of: text.words) ? text.keepingWords(restWords) : text
        return SearchRequest(
            text: rest.canonical, filters: filters, sort: query.sort, page: query.page, perPage: query.perPage,
            synonyms: interpretation.clauses)
    }
}
