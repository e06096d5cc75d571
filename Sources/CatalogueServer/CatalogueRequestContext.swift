import CatalogueModel
import HTTPTypes
import Hummingbird
import NIOCore

/// Who is calling: the role a request may act with and the name its changes are made under.
struct Caller: Sendable, Equatable {
    var role: APIRole
    /// The token's name, or `oidc:` and the OIDC subject (token names cannot hold a colon, so
    /// the two never collide); nil for anonymous callers. Changes are made under this name.
    var name: String?
    var credential = Credential.none

    /// What the caller proved who they are with.
    enum Credential: Sendable, Equatable {
        case none
        case apiToken
        /// A provider's JWT; the role came from this claim.
        case oidc(roleClaim: String)
    }

    static let anonymous = Caller(role: .anonymous, name: nil)

    /// The caller as a 403 names it.
    var described: String {
        switch credential {
        case .none: "an anonymous caller"
        case .apiToken: "the token '\(name ?? "")'"
        case .oidc: "the OIDC subject '\(name.map { String($0.dropFirst("oidc:".count)) } ?? "")'"
        }
    }
}

/// The request context of the catalogue's routes: Hummingbird's core context plus the caller
/// that ``AuthenticationMiddleware`` established.
struct CatalogueRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    var caller = Caller.anonymous
    /// The client's address, for per-address rate limits (nil in router-only tests).
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The caller, when its role is at least `role`: 401 for an anonymous caller (no token), 403
    /// for a token whose role is too low.
    func require(_ role: APIRole) throws(Problem) -> Caller {
        guard caller.role < role else { return caller }
        if caller.credential == .none {
            throw Problem(.unauthorized, type: Problem.typeURI("unauthorized"),
                          detail: "this operation needs a \(role) token: send it as 'Authorization: Bearer <token>'",
                          authenticate: "Bearer realm=\"imaging-catalogue\"")
        }
        let held: String = switch caller.credential {
        case .oidc(let claim) where caller.role == .anonymous: "its '\(claim)' claim grants no role of this catalogue"
        default: "it has the \(caller.role) role"
        }
        throw Problem(.forbidden, type: Problem.typeURI("forbidden"),
                      detail: "this operation needs the \(role) role; \(caller.described) cannot do it: \(held)")
    }
}
