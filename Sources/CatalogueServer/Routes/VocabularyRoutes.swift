import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird

/// The vocabularies, read: the schemes, one scheme as a tree, one concept, and label suggestions.
struct VocabularyRoutes {
    let catalogue: SharedCatalogue

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/vocabularies") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse(value: try await catalogue.read { $0.schemeSummaries() })
        }
        router.get("/api/v1/vocabularies/suggest") { request, _ in
            let parameters = try QueryParameters(request, allowed: ["q", "limit"])
            guard let prefix = try parameters.single("q"), !prefix.isEmpty else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                              detail: "query parameter 'q' is missing or empty: give the start of a label", parameter: "q")
            }
            guard prefix.count <= CatalogueService.suggestionPrefixLimit else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                              detail: "query parameter 'q' is \(prefix.count) characters long; at most \(CatalogueService.suggestionPrefixLimit)",
                              parameter: "q")
            }
            let limit = try parameters.integer("limit", in: CatalogueService.suggestionLimits, default: 10)
            return JSONResponse(value: try await catalogue.read { $0.labelSuggestions(prefix: prefix, limit: limit) })
        }
        router.get("/api/v1/vocabularies/:scheme") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let scheme = try Self.scheme(context.parameters.require("scheme"))
            return JSONResponse(value: try await catalogue.read { $0.conceptTree(scheme) })
        }
        router.get("/api/v1/vocabularies/:scheme/concepts/:id") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let scheme = try Self.scheme(context.parameters.require("scheme"))
            let id = try context.parameters.require("id")
            return JSONResponse(value: try await catalogue.read { try $0.concept(id, in: scheme) })
        }
    }

    /// A scheme by its exact name (`cancerType`); anything else is 404 listing the names.
    static func scheme(_ name: String) throws(Problem) -> ConceptScheme {
        guard let scheme = ConceptScheme(rawValue: name) else {
            let names = ConceptScheme.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.notFound, type: Problem.typeURI("not-found"),
                          detail: "no vocabulary '\(QueryParameters.shown(name))': the schemes are \(names)", parameter: "scheme")
        }
        return scheme
    }
}
