import CatalogueEngine
import CatalogueModel
import Foundation
import Hummingbird
import NIOCore

/// `/healthz` (the process answers), `/readyz` (the catalogue answers and its index is caught
/// up) and `/openapi.json` (the API's own description).
struct OperationsRoutes {
    let catalogue: SharedCatalogue
    let openAPIDocument: ByteBuffer
    let metrics: CatalogueMetrics

    struct Health: Encodable, Sendable {
        var status = "ok"
        var version = CatalogueVersion.current
    }

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/healthz") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse(value: Health())
        }
        router.get("/readyz") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse(value: try await catalogue.read { try $0.readiness() })
        }
        router.get("/metrics") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let status = try await catalogue.read { try $0.indexStatus() }
            let text = metrics.scrape(documents: status.documents, indexChangedAt: status.changedAt)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
        router.get("/openapi.json") { [openAPIDocument] request, _ in
            _ = try QueryParameters(request, allowed: [])
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: openAPIDocument))
        }
    }

    /// The OpenAPI document shipped with the server as a resource.
    static func loadOpenAPIDocument() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CatalogueEngineError.fileNotFound("openapi.json (a resource of the server)")
        }
        return try Data(contentsOf: url)
    }
}
