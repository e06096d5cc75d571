import CatalogueModel
import Foundation
import Hummingbird

/// A curator's page form, checked before anything is read from it: sent from this site, by a
/// signed-in session with the curator role, carrying that session's CSRF token.
struct CuratorForm {
    let caller: Caller
    let body: FormBody

    init(_ request: Request, context: CatalogueRequestContext, fields: Set<String>) async throws {
        try checkSameOrigin(request)
        guard let secret = WebSession.secret(in: request) else {
            throw Problem(.unauthorized, type: Problem.typeURI("unauthorized"), detail: "sign in as a curator first (the form needs a signed-in session)")
        }
        caller = try context.require(.curator)
        body = try await FormBody(request, maxBytes: 65_536, allowed: fields.union(["csrf"]))
        guard body["csrf"] == WebSession.csrfToken(for: secret) else {
            throw Problem(.forbidden, type: Problem.typeURI("forbidden"), detail: "the form is stale or not from this session: reload the page and try again")
        }
    }

    /// A field the form must carry, trimmed and not empty.
    func required(_ name: String) throws -> String {
        guard let value = body[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the form's '\(name)' is empty: fill it in")
        }
        return value
    }
}
