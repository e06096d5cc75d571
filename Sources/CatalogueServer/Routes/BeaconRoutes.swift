import CatalogueEngine
import CatalogueModel
import CohortCounts
import Hummingbird
import RDF

/// The GA4GH Beacon v2 endpoints: the informational ones (`/beacon/v2`, `info`, `configuration`,
/// `map`, `entry_types`, `filtering_terms`) for anyone, and `individuals` at count granularity —
/// anyone gets the unfiltered dataset sizes, researchers filtered counts within the same budget
/// as `POST /api/v1/counts`. Every count goes through the same parser, policy and audit log.
struct BeaconRoutes {
    let catalogue: SharedCatalogue
    let counts: CountSource
    let budget: CountBudget
    let maxBodyBytes: Int
    let beaconID: String
    let publicURL: String?

    func add(to router: Router<CatalogueRequestContext>) {
        for path in ["/beacon/v2", "/beacon/v2/info"] {
            router.get(RouterPath(path)) { request, _ in try document(request) { $0.info } }
        }
        router.get("/beacon/v2/configuration") { request, _ in try document(request) { $0.configuration } }
        router.get("/beacon/v2/map") { request, _ in try document(request) { $0.map } }
        router.get("/beacon/v2/entry_types") { request, _ in try document(request) { $0.entryTypesDocument } }
        router.get("/beacon/v2/filtering_terms") { request, _ in
            try Self.checkPaging(QueryParameters(request, allowed: ["skip", "limit"]))
            let terms = try await catalogue.read { try $0.countFilteringTerms() }
            return JSONResponse(value: documents(request).filteringTerms(terms))
        }
        router.get("/beacon/v2/individuals") { request, context in
            let parameters = try QueryParameters(request, allowed: ["filters", "requestedGranularity", "skip", "limit"])
            try Self.checkPaging(parameters)
            let beacon = try BeaconRequest(parameters: parameters)
            return try await count(beacon, request: request, context: context)
        }
        router.post("/beacon/v2/individuals") { request, context in
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["$schema", "meta", "query"])
            return try await count(BeaconRequest(body: body), request: request, context: context)
        }
    }

    /// Beacon clients send `skip` and `limit`; a count has one page, but the values must be whole
    /// numbers ≥ 0 all the same.
    static func checkPaging(_ parameters: QueryParameters) throws(Problem) {
        for name in ["skip", "limit"] { _ = try parameters.integer(name, in: 0...Int.max, default: 0) }
    }

    private func documents(_ request: Request) -> BeaconDocuments {
        BeaconDocuments(beaconID: beaconID, baseURL: publicURL ?? "http://\(request.head.authority ?? "127.0.0.1")")
    }

    private func document(_ request: Request, _ body: (BeaconDocuments) -> JSONValue) throws -> JSONResponse<JSONValue> {
        _ = try QueryParameters(request, allowed: [])
        return JSONResponse(value: body(documents(request)))
    }

    /// A filtered count needs the researcher role and a query of the budget; the unfiltered sizes
    /// are anyone's. Terms become native filters first, so the native parser's refusals apply.
    private func count(_ beacon: BeaconRequest, request: Request, context: CatalogueRequestContext) async throws -> JSONResponse<JSONValue> {
        let user = beacon.isFiltered
            ? counts.user(try context.require(.researcher), fallback: "researcher", request: request)
            : counts.user(context.caller, fallback: "anonymous", request: request)
        if beacon.isFiltered { try budget.charge(user) }
        let client = context.remoteAddress?.ipAddress, terms = beacon.terms, age = beacon.age
        let answer = try await counts.answer(age.map { [("age", $0)] } ?? [], terms: terms, user: user, client: client)
        return JSONResponse(value: documents(request).countResponse(answer, request: beacon))
    }
}
