import CatalogueEngine
import Foundation
import HTTPTypes
import Hummingbird

/// `GET/POST /signin` and `POST /signout`: a researcher pastes their API token (or an OIDC
/// access token) once; the pages then know them by an HttpOnly cookie (``WebSession``).
struct SignInRoutes {
    let catalogue: SharedCatalogue
    let oidc: OIDCVerifier?
    let pages: WebPages
    /// Cookies are marked Secure when the catalogue is served over https.
    let secureCookies: Bool

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/signin") { request, _ in
            let parameters = try QueryParameters(request, allowed: ["next"])
            return form(next: WebSession.safeNext(try parameters.single("next")), problem: nil)
        }
        router.post("/signin") { request, _ in
            try checkSameOrigin(request)
            let body = try await FormBody(request, maxBytes: 16_384, allowed: ["token", "next"])
            let next = WebSession.safeNext(body["next"])
            let secret = (body["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard WebSession.isCookieSafe(secret) else {
                return form(next: next, problem: Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                                                         detail: "paste the token as it was given: one line of letters, digits and punctuation"))
            }
            do {
                _ = try await AuthenticationMiddleware.caller(for: secret, catalogue: catalogue, oidc: oidc)
            } catch let problem as Problem {
                return form(next: next, problem: problem)
            }
            var headers: HTTPFields = [.location: next]
            headers[.setCookie] = WebSession.setCookie(secret, secure: secureCookies)
            return Response(status: .seeOther, headers: headers)
        }
        router.post("/signout") { request, _ in
            try checkSameOrigin(request)
            var headers: HTTPFields = [.location: "/"]
            headers[.setCookie] = WebSession.clearCookie
            return Response(status: .seeOther, headers: headers)
        }
    }

    private func form(next: String, problem: Problem?) -> Response {
        var context: [String: Any] = ["next": next]
        if let problem { context["problem"] = problem.detail }
        return pages.page("signin", title: pages.messages.text("signin.title"), context, status: problem?.status ?? .ok)
    }
}
