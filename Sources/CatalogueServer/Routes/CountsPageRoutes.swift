import CatalogueEngine
import CatalogueModel
import CohortCounts
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /counts`: feasibility counts for a signed-in researcher, through the same parser,
/// policy, budget and audit log as `POST /api/v1/counts`. Only released values reach the page.
struct CountsPageRoutes {
    let catalogue: SharedCatalogue
    let counts: CountSource
    let budget: CountBudget
    let pages: WebPages

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/counts") { request, context in
            await pages.rendering(context.logger, next: "/counts") { try await page(request, context: context) }
        }
    }

    private func page(_ request: Request, context: CatalogueRequestContext) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: Set(CountsPage.fields + ["lang"]))
        let language = try parameters.choice("lang", default: WebLanguage.en)
        var criteria: [(field: String, value: String)] = []
        for field in CountsPage.fields {
            if let value = try parameters.single(field)?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                criteria.append((field, value))
            }
        }
        let (facets, labels) = try await catalogue.read { service in
            let facets = try service.search(SearchQuery(perPage: 1)).facets
            return (facets, service.conceptLabels(SearchPage.Inputs.conceptIRIs(in: facets), language: language.rawValue))
        }
        let signedIn = context.caller.role >= .researcher
        var answer: CohortAnswer?
        var refusal: String?
        var status = HTTPResponse.Status.ok
        if signedIn, !criteria.isEmpty {
            do {
                let user = counts.user(context.caller, fallback: "researcher", request: request)
                try budget.charge(user)
                answer = try await counts.answer(criteria, user: user, client: context.remoteAddress?.ipAddress)
            } catch {
                let problem = Problem(error)
                guard problem.status.code < 500 else { throw error }
                (refusal, status) = (problem.detail, problem.status)
            }
        }
        let page = CountsPage(
            criteria: criteria, facets: facets, labels: labels, language: language, signedIn: signedIn, answer: answer,
            refusal: refusal, messages: pages.messages)
        return pages.page("counts", title: pages.messages.text("counts.title"), page.context, status: status)
    }
}
