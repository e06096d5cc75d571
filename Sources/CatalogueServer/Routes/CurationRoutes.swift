import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird

/// The curators' writes: a vocabulary change (every `catalogue vocab` edit), its undo, the
/// history and the unmapped queue. The author is the caller's token name; `reason` is required.
struct CurationRoutes {
    let catalogue: SharedCatalogue
    let maxBodyBytes: Int

    func add(to router: Router<CatalogueRequestContext>) {
        router.post("/api/v1/vocabularies/changes") { request, context in
            let caller = try context.require(.curator)
            _ = try QueryParameters(request, allowed: [])
            let edit = try VocabularyEditRequest(try await JSONBody(request, maxBytes: maxBodyBytes, allowed: VocabularyEditRequest.members))
            let author = CatalogueService.ChangeAuthor(name: caller.name ?? "curator", reason: edit.reason)
            let report = try await catalogue.write { service in
                try service.applyVocabularyEdit(try edit.build(service.resolveConcept), by: author)
            }
            return JSONResponse(value: report, status: .created)
        }
        router.post("/api/v1/vocabularies/changes/:id/undo") { request, context in
            let caller = try context.require(.curator)
            _ = try QueryParameters(request, allowed: [])
            guard let id = Int(try context.parameters.require("id")), id > 0 else {
                throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "a change is named by its number (see GET /api/v1/vocabularies/changes)")
            }
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["reason"])
            let author = CatalogueService.ChangeAuthor(name: caller.name ?? "curator", reason: try body.requiredText("reason"))
            let report = try await catalogue.write { try $0.undoVocabularyChange(id, by: author) }
            return JSONResponse(value: report, status: .created)
        }
        router.get("/api/v1/vocabularies/changes") { request, context in
            _ = try context.require(.curator)
            let limit = try QueryParameters(request, allowed: ["limit"]).integer("limit", in: 1...1_000, default: 100)
            return JSONResponse(value: try await catalogue.read { try $0.vocabularyHistory(limit: limit) })
        }
        router.get("/api/v1/vocabularies/unmapped") { request, context in
            _ = try context.require(.curator)
            let examples = try QueryParameters(request, allowed: ["examples"]).integer("examples", in: 0...20, default: 3)
            return JSONResponse(value: try await catalogue.read { try $0.unmappedValues(examplesPerValue: examples) })
        }
    }
}
