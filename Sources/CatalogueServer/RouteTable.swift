import Foundation
import HTTPTypes

/// The routes of the OpenAPI document — paths with `{parameter}` segments and their methods —
/// so that a request the router does not match can be told apart: a known path with another
/// method is 405 with `Allow`, anything else 404. The document is the list of routes; a test
/// checks that every one of its operations is answered.
struct RouteTable: Sendable {
    private struct Route: Sendable {
        var segments: [String?]
        var methods: [String]
    }

    private let routes: [Route]

    init(openAPIDocument data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = object["paths"] as? [String: [String: Any]] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        let verbs: Set<String> = ["get", "put", "post", "delete", "patch", "options", "head"]
        routes = paths.map { path, operations in
            Route(
                segments: path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) },
                methods: operations.keys.filter(verbs.contains).map { $0.uppercased() }.sorted())
        }
    }

    /// The methods the document allows on `path`; empty when no route has that shape.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let matching = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in pattern == nil || pattern == segment }
        }
        return Array(Set(matching.flatMap(\.methods))).sorted()
    }
}
