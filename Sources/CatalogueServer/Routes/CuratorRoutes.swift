import CatalogueEngine
import CatalogueModel
import Foundation
import Hummingbird

/// The curators' pages: `/curate` (the unmapped queue, largest first, each value with a concept
/// picker), `POST /curate/map` (map a value; the page says how many datasets changed),
/// `/curate/history` and `POST /curate/undo`. The same engine calls, refusals and history as the
/// API's vocabulary changes; the author is the signed-in curator.
struct CuratorRoutes {
    let catalogue: SharedCatalogue
    let pages: WebPages

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/curate") { request, context in
            await curatorPage(request, context, template: "curate", title: "curate.title", load: { try $0.unmappedValues(examplesPerValue: 3) }) {
                CuratorPages.queue($0, csrf: $1, messages: pages.messages)
            }
        }
        router.get("/curate/history") { request, context in
            await curatorPage(request, context, template: "curate-history", title: "curate.history", load: { try $0.vocabularyHistory(limit: 200) }) {
                CuratorPages.history($0, csrf: $1, messages: pages.messages)
            }
        }
        router.get("/curate/concepts") { request, context in
            await pages.rendering(context.logger, next: "/curate") {
                let query = try QueryParameters(request, allowed: ["q"]).single("q") ?? ""
                _ = try SessionForm.session(request, context, role: .curator)
                let found = query.isEmpty ? [] : try await catalogue.read { $0.labelSuggestions(prefix: String(query.prefix(100)), limit: 50) }
                let rows = found.compactMap { suggestion -> [String: String]? in
                    guard let scheme = ConceptScheme(rawValue: suggestion.field) else { return nil }
                    return ["label": suggestion.label, "concept": suggestion.conceptLabel, "field": pages.messages.text("facets.\(suggestion.field)"),
                            "url": ConceptEditorPage.url(scheme: scheme, iri: suggestion.concept)]
                }
                return pages.page("curate-concepts", title: pages.messages.text("editor.find"), ["q": query, "rows": rows, "asked": !query.isEmpty])
            }
        }
        router.get("/curate/concepts/:scheme/:id") { request, context in
            await pages.rendering(context.logger, next: "/curate") {
                _ = try QueryParameters(request, allowed: [])
                let csrf = WebSession.csrfToken(for: try SessionForm.session(request, context, role: .curator))
                let scheme = try VocabularyRoutes.scheme(context.parameters.require("scheme"))
                let id = try context.parameters.require("id")
                let detail = try await catalogue.read { try $0.concept(id, in: scheme) }
                return pages.page("concept-editor", title: detail.label, ConceptEditorPage.context(detail, csrf: csrf, messages: pages.messages))
            }
        }
        router.post("/curate/edit") { request, context in
            await pages.rendering(context.logger, next: "/curate") {
                let form = try await SessionForm(
                    request, context: context, role: .curator, fields: ["op", "concept", "value", "language", "kind", "system", "code", "broader", "reason"])
                let op = try form.required("op"), reference = try form.required("concept")
                let author = CatalogueService.ChangeAuthor(name: form.caller.name ?? "curator", reason: try form.required("reason"))
                let report = try await catalogue.write { service in
                    let concept = try service.resolveConcept(reference)
                    return try service.applyVocabularyEdit(try ConceptEditorPage.edit(op: op, concept: concept, form: form, resolve: service.resolveConcept), by: author)
                }
                return pages.page("curate-result", title: pages.messages.text("curate.done"),
                                  CuratorPages.result(report, field: nil, concept: nil, csrf: try Self.csrf(request), messages: pages.messages),
                                  status: .created)
            }
        }
        router.get("/curate/quality") { request, context in
            await curatorPage(request, context, template: "curate-quality", title: "editor.quality", load: { try $0.checkVocabulary() }) { findings, _ in
                let rows = findings.map { ["severity": $0.severity.rawValue, "check": $0.check, "message": $0.message] }
                return ["rows": rows, "hasRows": !rows.isEmpty, "total": pages.messages.count("editor.findings", rows.count)]
            }
        }
        router.post("/curate/map") { request, context in
            await pages.rendering(context.logger, next: "/curate") {
                let form = try await SessionForm(request, context: context, role: .curator, fields: ["value", "field", "concept", "reason"])
                let value = try form.required("value"), field = try form.required("field")
                let reference = try form.required("concept"), reason = try form.required("reason")
                let author = CatalogueService.ChangeAuthor(name: form.caller.name ?? "curator", reason: reason)
                let (report, concept) = try await catalogue.write { service in
                    let concept = try service.resolveConcept(reference)
                    let scheme = CuratorPages.scheme(ofField: field)
                    guard service.scheme(ofConcept: concept)?.rawValue == scheme else {
                        throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                                      detail: "'\(reference)' is not a concept of \(scheme): a \(field) value maps to a \(scheme) concept")
                    }
                    return (try service.applyVocabularyEdit(.mapValue(value: value, concept: concept), by: author), concept)
                }
                return pages.page("curate-result", title: pages.messages.text("curate.done"),
                                  CuratorPages.result(report, field: CuratorPages.scheme(ofField: field), concept: concept, csrf: try Self.csrf(request), messages: pages.messages),
                                  status: .created)
            }
        }
        router.post("/curate/undo") { request, context in
            await pages.rendering(context.logger, next: "/curate") {
                let form = try await SessionForm(request, context: context, role: .curator, fields: ["change", "reason"])
                guard let change = Int(try form.required("change")), change > 0 else {
                    throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "a change is named by its number (see the history)")
                }
                let author = CatalogueService.ChangeAuthor(name: form.caller.name ?? "curator", reason: try form.required("reason"))
                let report = try await catalogue.write { try $0.undoVocabularyChange(change, by: author) }
                return pages.page("curate-result", title: pages.messages.text("curate.done"),
                                  CuratorPages.result(report, field: nil, concept: nil, csrf: try Self.csrf(request), messages: pages.messages),
                                  status: .created)
            }
        }
    }

    /// A page for the signed-in curator: what `load` reads, shown by `render` with the session's CSRF token.
    private func curatorPage<T: Sendable>(
        _ request: Request, _ context: CatalogueRequestContext, template: String, title: String,
        load: @escaping @Sendable (CatalogueService) throws -> T, render: (T, String) -> [String: Any]
    ) async -> Response {
        await pages.rendering(context.logger, next: "/curate") {
            _ = try QueryParameters(request, allowed: [])
            let csrf = WebSession.csrfToken(for: try SessionForm.session(request, context, role: .curator))
            let loaded = try await catalogue.read(load)
            return pages.page(template, title: pages.messages.text(title), render(loaded, csrf))
        }
    }

    private static func csrf(_ request: Request) throws -> String {
        WebSession.secret(in: request).map(WebSession.csrfToken) ?? ""
    }
}
