import Hummingbird

/// Cross-origin access for the hub's pages: only origins on the allow-list get the CORS headers
/// (a browser then refuses every other origin's reads), and their preflight requests are
/// answered here. An empty list allows no cross-origin use.
struct AllowListCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST, DELETE, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
            response.headers[.accessControlMaxAge] = "600"
            allow(origin, in: &response)
            return response
        }
        var response = try await next(request, context)
        allow(origin, in: &response)
        return response
    }

    private func allow(_ origin: String, in response: inout Response) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        response.headers[.accessControlExposeHeaders] = "Location, Retry-After"
    }
}
