import CatalogueEngine
import CatalogueModel
import CohortCounts
import HTTPTypes
import Hummingbird

/// `GET /api/v1/counts` (anyone: the datasets' sizes, released by the policy) and
/// `POST /api/v1/counts` (researchers: counts of subjects matching criteria, per dataset, within
/// a per-user budget). Both answer with released values only.
struct CountRoutes {
    let counts: CountSource
    let budget: CountBudget
    let maxBodyBytes: Int

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/counts") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let user = counts.user(context.caller, fallback: "anonymous", request: request), client = context.remoteAddress?.ipAddress
            return JSONResponse(value: try await counts.answer([], user: user, client: client))
        }
        router.post("/api/v1/counts") { request, context in
            let caller = try context.require(.researcher)
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["filters"])
            let filters = try body.stringMembers("filters")
            let user = counts.user(caller, fallback: "researcher", request: request), client = context.remoteAddress?.ipAddress
            try budget.charge(user)
            return JSONResponse(value: try await counts.answer(filters, user: user, client: client))
        }
    }
}

extension CountBudget {
    /// Takes one query of `user`'s budget, or refuses with 429 and when to retry.
    func charge(_ user: String) throws(Problem) {
        let wait: Int?
        do {
            wait = try take(user)
        } catch {
            // The path stays in the operator's log (the error), not in the caller's answer.
            throw Problem(.serviceUnavailable, type: Problem.typeURI("count-budget-unavailable"),
                          detail: "counts are not answered while the count budget cannot be recorded; try again later")
        }
        guard let wait else { return }
        throw Problem(.tooManyRequests, type: Problem.typeURI("rate-limited"),
                      detail: "count budget used: at most \(limits.perMinute) count queries a minute and \(limits.perDay) a day per user; retry in \(wait) s",
                      retryAfter: wait)
    }
}
