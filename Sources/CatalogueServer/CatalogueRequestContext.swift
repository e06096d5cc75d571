import CatalogueModel
import HTTPTypes
import Hummingbird
import NIOCore

/// Who is calling: the role a request may act with and the name its changes are made under.
struct Caller: Sendable, Equatable {
    var role: APIRole
    /// The token's name (or the OIDC subject); nil for anonymous callers.
    var name: String?

    static let anonymous = Caller(role: .anonymous, name: nil)
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
        if caller.role == .anonymous {
            throw Problem(.unauthorized, type: Problem.typeURI("unauthorized"),
                          detail: "this operation needs a \(role) token: send it as 'Authorization: Bearer <token>'",
                          authenticate: "Bearer realm=\"imaging-catalogue\"")
        }
        throw Problem(.forbidden, type: Problem.typeURI("forbidden"),
                      detail: "this operation needs the \(role) role; the token '\(caller.name ?? "")' has the \(caller.role) role")
    }
}
