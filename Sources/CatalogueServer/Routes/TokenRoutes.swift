import CatalogueEngine
import CatalogueModel
import HTTPTypes
import Hummingbird

/// Admins manage tokens over the API as `catalogue token` does: create (the secret once), list, revoke.
struct TokenRoutes {
    let catalogue: SharedCatalogue
    let maxBodyBytes: Int

    struct Created: Encodable, Sendable {
        var token: APIToken
        var secret: String
    }

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/api/v1/tokens") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            return JSONResponse(value: try await catalogue.read { try $0.tokens() })
        }
        router.post("/api/v1/tokens") { request, context in
            _ = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let body = try await JSONBody(request, maxBytes: maxBodyBytes, allowed: ["name", "role", "expiresInDays"])
            let name = try body.requiredString("name")
            let roleName = try body.requiredString("role")
            guard let role = APIRole(rawValue: roleName), APIRole.grantable.contains(role) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "'role' must be researcher, curator or admin", parameter: "role")
            }
            let days = try body.integer("expiresInDays", in: 1...3_650)
            let created = try await catalogue.write { service in
                try service.createToken(name: name, role: role, expiresIn: days.map { .seconds($0 * 86_400) })
            }
            return JSONResponse(value: Created(token: created.token, secret: created.secret), status: .created)
        }
        router.delete("/api/v1/tokens/:name") { request, context in
            let caller = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let name = try context.parameters.require("name")
            // An admin cannot lock themselves out by accident: another admin token, or the CLI, revokes this one.
            guard name != caller.name else {
                throw Problem(.conflict, type: Problem.typeURI("refused"),
                              detail: "a token cannot revoke itself: use another admin token or `catalogue token revoke \(name)`", parameter: "name")
            }
            try await catalogue.write { try $0.revokeToken(named: name) }
            return Response(status: .noContent)
        }
    }
}
