import Foundation
import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird

/// Reads `Authorization: Bearer <token>` into the request's caller: one of this catalogue's API
/// tokens, or, when OIDC is configured, a provider's JWT. No header: anonymous. A header that
/// does not carry a live token — malformed, unknown, revoked, expired, a JWT that does not
/// verify, or not Bearer — is 401 on every route, so a client never mistakes a broken token for
/// anonymous access.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = CatalogueRequestContext
    let catalogue: SharedCatalogue
    let oidc: OIDCVerifier?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            context.caller = try await Self.caller(for: try Self.bearerSecret(header), catalogue: catalogue, oidc: oidc)
        } else if let secret = WebSession.secret(in: request) {
            // A stale or revoked sign-in makes a signed-out visitor, not a refused page.
            if let caller = try? await Self.caller(for: secret, catalogue: catalogue, oidc: oidc) { context.caller = caller }
        }
        return try await next(request, context)
    }

    /// Who `secret` — an API token or, with OIDC configured, a JWT — belongs to; 401 when it is refused.
    static func caller(for secret: String, catalogue: SharedCatalogue, oidc: OIDCVerifier?) async throws -> Caller {
        if let oidc, OIDCVerifier.looksLikeJWT(secret) {
            do {
                return try await oidc.caller(for: secret)
            } catch {
                throw refused(error.description)
            }
        }
        do {
            let token = try await catalogue.read { try $0.authenticate(secret: secret) }
            return Caller(role: token.role, name: token.name, credential: .apiToken)
        } catch let error as CatalogueEngineError {
            guard case .tokenRefused(let reason) = error else { throw error }
            throw refused(reason)
        }
    }

    static func bearerSecret(_ header: String) throws(Problem) -> String {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw refused("the Authorization header must be 'Bearer <token>'")
        }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    static func refused(_ reason: String) -> Problem {
        Problem(.unauthorized, type: Problem.typeURI("unauthorized"), detail: "\(reason); no request is served with it",
                authenticate: "Bearer realm=\"imaging-catalogue\", error=\"invalid_token\"")
    }
}
