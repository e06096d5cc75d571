import CatalogueEngine
import CatalogueModel
import Foundation
import HTTPTypes
import Harvesting
import Hummingbird

/// `POST /api/v1/harvests` (admin: start a harvest, 202 with a job to poll) and
/// `GET /api/v1/harvests/jobs/{id}`.
struct HarvestRoutes {
    let jobs: HarvestJobs
    /// The federation file; read again for every request, so an edited nodes.toml takes effect.
    let nodesFile: URL?
    let maxBodyBytes: Int

    func add(to router: Router<CatalogueRequestContext>) {
        router.post("/api/v1/harvests") { request, context in
            let caller = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["nodes"])
            let nodes = try loadNodes(try body.strings("nodes"))
            guard let job = await jobs.start(nodes, requestedBy: caller.name ?? "admin") else {
                let busy = await jobs.busyNodes().intersection(nodes.map(\.id)).sorted().joined(separator: ", ")
                throw Problem(.conflict, type: Problem.typeURI("busy"),
                              detail: "node \(busy) is being harvested now; one run per node at a time — poll its job and ask again after it")
            }
            var response = try JSONResponse(value: job, status: .accepted).response(from: request, context: context)
            response.headers[.location] = "/api/v1/harvests/jobs/\(job.id)"
            return response
        }
        router.get("/api/v1/harvests/jobs/:id") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            guard let id = Int(try context.parameters.require("id")), let job = await jobs.job(id) else {
                throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no harvest job with that id (finished jobs are kept for a while)")
            }
            return JSONResponse(value: job)
        }
    }

    /// The named nodes of the federation file (all of them when none is named).
    private func loadNodes(_ ids: [String]) throws -> [NodeConfiguration] {
        guard let nodesFile else {
            throw Problem(.conflict, type: Problem.typeURI("refused"), detail: "this server was started without a federation file (--nodes)")
        }
        for id in ids where !NodeID.isValid(id) {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                          detail: "'\(QueryParameters.shown(id))' in 'nodes' is not a node id (1–64 letters, digits, '.', '_' or '-')", parameter: "nodes")
        }
        do {
            return try FederationConfiguration.load(from: nodesFile).select(ids)
        } catch {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: ErrorSentence.message(for: error), parameter: "nodes")
        }
    }
}
