import CatalogueEngine
import CatalogueModel
import Hummingbird
import Logging

/// The researchers' pages: `/` (search), `/datasets/{node}/{id}` (one dataset) and `/static/…`
/// (the stylesheet and script). Same engine, same query parameters and same refusals as the
/// JSON API; a refused request is a page that says what was wrong, with the API's sentence.
struct WebRoutes {
    let catalogue: SharedCatalogue
    let pages: WebPages

    static let searchParameters = DatasetRoutes.searchParameters.union(["lang"])
    static let datasetParameters: Set<String> = ["search", "lang"]

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/") { request, context in await pages.rendering(context.logger) { try await search(request) } }
        router.get("/datasets/:node/:id") { request, context in
            await pages.rendering(context.logger) {
                try await dataset(node: context.parameters.require("node"), id: context.parameters.require("id"), request)
            }
        }
        router.get("/static/:name") { request, context in
            try pages.assets.response(named: context.parameters.require("name"), ifNoneMatch: request.headers[.ifNoneMatch])
        }
    }

    func search(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: Self.searchParameters)
        let query = try DatasetRoutes.query(from: parameters)
        let language = try parameters.choice("lang", default: WebLanguage.en)
        let state = SearchState(query, language: language)
        let inputs = try await catalogue.read { service in
            let response = try service.search(query)
            // Each filter on its own, so a chip removes exactly the filters that chose its value.
            let resolved = try service.resolveEach(query.filters)
            let labels = service.conceptLabels(SearchPage.Inputs.conceptIRIs(in: response), language: language.rawValue)
            return SearchPage.Inputs(state: state, response: response, resolvedFilters: resolved, conceptLabels: labels)
        }
        let page = SearchPage(inputs: inputs, messages: pages.messages)
        return pages.page("search", title: page.title, page.context)
    }

    func dataset(node: String, id: String, _ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: Self.datasetParameters)
        let search = try parameters.single("search")
        let language = try parameters.choice("lang", default: WebLanguage.en)
        let key = DatasetKey(node: node, id: id)
        let found = try await catalogue.read { service -> (DatasetDetail, [String: String])? in
            guard let detail = try service.dataset(key) else { return nil }
            return (detail, service.conceptLabels(Set(detail.mappings.map(\.concept)), language: language.rawValue))
        }
        guard let (detail, labels) = found else {
            throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no dataset '\(id)' from node '\(node)' in the catalogue")
        }
        let page = DatasetPage(detail: detail, searchQuery: search, language: language, conceptLabels: labels, messages: pages.messages)
        return pages.page("dataset", title: page.title, page.context)
    }
}
