import CatalogueModel
import Foundation
import Hummingbird

/// A curator's or admin's page form, checked before anything is read from it: sent from this
/// site, by a signed-in session with at least `role`, carrying that session's CSRF token.
struct SessionForm: Sendable {
    let caller: Caller
    let body: FormBody

    init(_ request: Request, context: CatalogueRequestContext, role: APIRole, fields: Set<String>) async throws {
        try checkSameOrigin(request)
        let secret = try Self.session(request, context, role: role)
        caller = context.caller
        body = try await FormBody(request, maxBytes: 65_536, allowed: fields.union(["csrf"]))
        guard body["csrf"] == WebSession.csrfToken(for: secret) else {
            throw Problem(.forbidden, type: Problem.typeURI("forbidden"), detail: "the form is stale or not from this session: reload the page and try again")
        }
    }

    /// The signed-in session's secret when its caller has at least `role`: 401 (sign in) or 403.
    static func session(_ request: Request, _ context: CatalogueRequestContext, role: APIRole) throws -> String {
        guard let secret = WebSession.secret(in: request) else {
            throw Problem(.unauthorized, type: Problem.typeURI("unauthorized"), detail: "sign in as \(role == .admin ? "an admin" : "a \(role.rawValue)") to use this page")
        }
        _ = try context.require(role)
        return secret
    }

    /// A field the form must carry, trimmed and not empty.
    func required(_ name: String) throws -> String {
        guard let value = body[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the form's '\(name)' is empty: fill it in")
        }
        return value
    }
}
