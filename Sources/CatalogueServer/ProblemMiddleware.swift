import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a route throws — ours, the router's 404, a body too large — into a problem
/// document, so no client ever sees an empty 500 or an HTML page. Faults of the server itself
/// are logged with the request id; a caller's mistakes are not (they are the caller's to read).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem(error)
            // The router's own 404: a known path asked with a method it does not take is 405.
            if let error = error as? HTTPError, error.status == .notFound {
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty {
                    problem = Problem(.methodNotAllowed, type: Problem.typeURI("method-not-allowed"),
                                      detail: "\(request.method.rawValue) is not allowed on \(request.uri.path): use \(allowed.joined(separator: ", "))")
                    problem.allow = allowed.joined(separator: ", ")
                }
            }
            if problem.status.code >= 500 {
                context.logger.error("request failed", metadata: [
                    "path": .string(request.uri.path), "status": .stringConvertible(problem.status.code),
                    "error": .string(problem.detail),
                ])
            }
            return try problem.response(from: request, context: context)
        }
    }
}

/// Headers every answer carries: no sniffing, no framing, no referrer, no caching of API data
/// by shared caches, and the server's version.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        // A web page sets its own (its stylesheet and script, from this server only).
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        }
        response.headers[values: HTTPField.Name("X-Frame-Options")!] = ["DENY"]
        response.headers[values: HTTPField.Name("Referrer-Policy")!] = ["no-referrer"]
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
