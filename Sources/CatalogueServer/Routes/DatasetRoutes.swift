import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /api/v1/datasets` (search) and `GET /api/v1/datasets/{node}/{id}` (one dataset).
struct DatasetRoutes {
    let catalogue: SharedCatalogue
    let metrics: CatalogueMetrics

    static let filterFields = FacetField.allCases.map(\.rawValue)
    static let searchParameters = Set(["q", "sort", "page", "perPage"] + filterFields)

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/datasets") { request, _ in try await search(request) }
        router.get("/api/v1/datasets/:node/:id") { request, context in
            try await dataset(node: context.parameters.require("node"), id: context.parameters.require("id"), request)
        }
    }

    /// The answer is encoded on the reader thread that searched: the event loops only move bytes,
    /// and two searches encode in parallel.
    func search(_ request: Request) async throws -> Response {
        let query = try Self.query(from: QueryParameters(request, allowed: Self.searchParameters))
        let started = ContinuousClock.now
        let body = try await catalogue.read { try CatalogueJSON.encode($0.search(query)) }
        metrics.recordSearch(ContinuousClock.now - started)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The search of a query string: filters as `FIELD=VALUE` (repeat a field to OR its values),
    /// paging and sort checked here first (the engine checks paging again, with the reach limit).
    static func query(from parameters: QueryParameters) throws(Problem) -> SearchQuery {
        let filters = filterFields.flatMap { field in parameters.all(field).map { "\(field)=\($0)" } }
        return SearchQuery(
            text: try parameters.single("q") ?? "",
            filters: filters,
            sort: try parameters.choice("sort", default: SearchRequest.Sort.relevance),
            page: try parameters.integer("page", in: 1...SearchQuery.maximumReach, default: 1),
            perPage: try parameters.integer("perPage", in: SearchQuery.perPageRange, default: 20))
    }

    func dataset(node: String, id: String, _ request: Request) async throws -> JSONResponse<DatasetDetail> {
        _ = try QueryParameters(request, allowed: [])
        let key = DatasetKey(node: node, id: id)
        guard let detail = try await catalogue.read({ try $0.dataset(key) }) else {
            throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no dataset '\(id)' from node '\(node)' in the catalogue")
        }
        return JSONResponse(value: detail)
    }
}
