import Hummingbird

/// Times every request and records it by route (the route's pattern, so ids do not make new
/// series), method and final status.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = CatalogueRequestContext
    let metrics: CatalogueMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(
            route: route, method: request.method.rawValue, status: response.status.code, duration: ContinuousClock.now - started)
        return response
    }
}
