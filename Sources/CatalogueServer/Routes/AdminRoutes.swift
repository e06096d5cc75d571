import CatalogueEngine
import CatalogueModel
import Foundation
import Harvesting
import HTTPTypes
import Hummingbird

/// The admin's pages: `/admin` (the nodes with their last runs and the latest runs), `POST
/// /admin/harvest` (start a harvest of one node or all; one run per node at a time), the job's
/// page `/admin/jobs/{id}` (refreshing itself while the harvest runs, with or without JavaScript)
/// and `/admin/runs/{id}` (one run's warnings). The same jobs as `POST /api/v1/harvests`.
struct AdminRoutes {
    let catalogue: SharedCatalogue
    let jobs: HarvestJobs
    let nodesFile: URL?
    let pages: WebPages

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/admin") { request, context in
            await pages.rendering(context.logger, next: "/admin") {
                _ = try QueryParameters(request, allowed: [])
                let csrf = WebSession.csrfToken(for: try SessionForm.session(request, context, role: .admin))
                let (summaries, runs) = try await catalogue.read { (try $0.nodeSummaries(), try $0.harvestRuns(limit: 20)) }
                let configured = try nodesFile.map { try FederationConfiguration.load(from: $0).nodes } ?? []
                let values = AdminPages.nodes(
                    configured: configured, summaries: summaries, runs: runs, busy: await jobs.busyNodes(), csrf: csrf, messages: pages.messages)
                return pages.page("admin", title: pages.messages.text("admin.title"), values)
            }
        }
        router.post("/admin/harvest") { request, context in
            await pages.rendering(context.logger, next: "/admin") {
                let form = try await SessionForm(request, context: context, role: .admin, fields: ["node"])
                let nodes = try selectedNodes(form.body["node"] ?? "")
                guard let job = await jobs.start(nodes, requestedBy: form.caller.name ?? "admin") else {
                    throw Problem(.conflict, type: Problem.typeURI("busy"), detail: "that node is being harvested now; one run per node at a time")
                }
                return Response(status: .seeOther, headers: [.location: "/admin/jobs/\(job.id)"])
            }
        }
        router.get("/admin/jobs/:id") { request, context in
            await pages.rendering(context.logger, next: "/admin") {
                _ = try QueryParameters(request, allowed: [])
                _ = try SessionForm.session(request, context, role: .admin)
                guard let id = Int(try context.parameters.require("id")), let job = await jobs.job(id) else {
                    throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no harvest job with that number (finished jobs are kept for a while)")
                }
                return pages.page("admin-job", title: pages.messages.text("admin.job.title"), AdminPages.job(job, messages: pages.messages))
            }
        }
        router.get("/admin/runs/:id") { request, context in
            await pages.rendering(context.logger, next: "/admin") {
                _ = try QueryParameters(request, allowed: [])
                _ = try SessionForm.session(request, context, role: .admin)
                guard let id = Int64(try context.parameters.require("id")) else {
                    throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "a run is named by its number")
                }
                let found = try await catalogue.read { service -> (HarvestRun, [HarvestWarning])? in
                    guard let run = try service.harvestRuns(limit: 1_000).first(where: { $0.id == id }) else { return nil }
                    return (run, try service.harvestWarnings(run: id))
                }
                guard let (run, warnings) = found else {
                    throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no harvest run \(id) among the last 1,000")
                }
                return pages.page("admin-run", title: pages.messages.text("admin.run"), AdminPages.warnings(run, warnings, messages: pages.messages))
            }
        }
    }

    /// One node of the federation file, or all of them for an empty choice.
    private func selectedNodes(_ node: String) throws -> [NodeConfiguration] {
        guard let nodesFile else {
            throw Problem(.conflict, type: Problem.typeURI("refused"), detail: "this server was started without a federation file (--nodes)")
        }
        guard node.isEmpty || NodeID.isValid(node) else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "'\(QueryParameters.shown(node))' is not a node id")
        }
        do {
            return try FederationConfiguration.load(from: nodesFile).select(node.isEmpty ? [] : [node])
        } catch {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: ErrorSentence.message(for: error))
        }
    }
}
