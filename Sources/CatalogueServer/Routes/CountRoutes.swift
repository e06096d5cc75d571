import CatalogueEngine
import CatalogueModel
import CohortCounts
import HTTPTypes
import Hummingbird

/// `GET /api/v1/counts` (anyone: the datasets' sizes, released by the policy) and
/// `POST /api/v1/counts` (researchers: counts of subjects matching criteria, per dataset, within
/// a per-user budget). Both answer with released values only.
struct CountRoutes {
    let catalogue: SharedCatalogue
    let budget: CountBudget
    let maxBodyBytes: Int

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/counts") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let user = context.caller.name ?? "anonymous", client = context.remoteAddress?.ipAddress
            return JSONResponse(value: try await catalogue.read { try $0.countSubjects([], user: user, client: client) })
        }
        router.post("/api/v1/counts") { request, context in
            let caller = try context.require(.researcher)
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["filters"])
            let filters = try body.stringMembers("filters")
            if let wait = budget.take(caller.name ?? "researcher") {
                throw Problem(.tooManyRequests, type: Problem.typeURI("rate-limited"),
                              detail: "count budget used: at most \(budget.limits.perMinute) count queries a minute and \(budget.limits.perDay) a day per user; retry in \(wait) s",
                              retryAfter: wait)
            }
            let user = caller.name ?? "researcher", client = context.remoteAddress?.ipAddress
            return JSONResponse(value: try await catalogue.read { try $0.countSubjects(filters, user: user, client: client) })
        }
    }
}
