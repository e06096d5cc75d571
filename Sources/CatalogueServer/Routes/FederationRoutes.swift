import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird

/// `GET /api/v1/nodes` and `GET /api/v1/harvests`: the federation and its harvest runs.
struct FederationRoutes {
    let catalogue: SharedCatalogue

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/nodes") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse(value: try await catalogue.read { try $0.nodeSummaries() })
        }
        router.get("/api/v1/harvests") { request, _ in
            let parameters = try QueryParameters(request, allowed: ["node", "limit"])
            let node = try parameters.single("node")
            if let node, !NodeID.isValid(node) {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                              detail: "query parameter 'node': '\(QueryParameters.shown(node))' is not a node id (1–64 letters, digits, '.', '_' or '-')",
                              parameter: "node")
            }
            let limit = try parameters.integer("limit", in: 1...1_000, default: 50)
            return JSONResponse(value: try await catalogue.read { try $0.harvestRuns(node: node, limit: limit) })
        }
    }
}
