import HTTPTypes
import Hummingbird

/// Per-caller rate limits: 429 with `Retry-After` past a caller's share. Callers with a token are
/// limited by its name, others by their address, so one busy client cannot starve the rest.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = CatalogueRequestContext
    let perToken: RateLimiter
    let perAddress: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let wait: Int?
        if let name = context.caller.name {
            wait = perToken.take("token:\(name)")
        } else {
            wait = perAddress.take("address:\(context.remoteAddress?.ipAddress ?? "unknown")")
        }
        if let wait {
            throw Problem(.tooManyRequests, type: Problem.typeURI("rate-limited"),
                          detail: "too many requests from this \(context.caller.name == nil ? "address" : "token"); retry in \(wait) s",
                          retryAfter: wait)
        }
        return try await next(request, context)
    }
}
