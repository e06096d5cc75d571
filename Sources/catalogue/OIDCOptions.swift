import ArgumentParser
import CatalogueModel
import CatalogueServer
import Foundation

/// `catalogue serve`'s OIDC options: accept an identity provider's bearer JWTs beside API tokens.
struct OIDCOptions: ParsableArguments {
    @Option(name: .customLong("oidc-issuer"), help: ArgumentHelp(
        "Accept bearer JWTs of this OpenID Connect issuer ('iss', exactly), as https://login.aai.lifescience-ri.eu/oidc/.",
        valueName: "url"))
    var issuer: String?

    @Option(name: .customLong("oidc-audience"), help: ArgumentHelp("The audience ('aud') a JWT must name: this catalogue's client id.", valueName: "id"))
    var audience: String?

    @Option(name: .customLong("oidc-jwks"), help: ArgumentHelp(
        "The provider's public keys as a JSON Web Key Set file; re-read when it changes.", valueName: "file"))
    var jwks: String?

    @Option(name: .customLong("oidc-role-claim"), help: ArgumentHelp("The claim that grants roles (a string or an array of strings).", valueName: "claim"))
    var roleClaim = "roles"

    @Option(name: .customLong("oidc-role"), help: ArgumentHelp(
        "ROLE=VALUE: the role claim's VALUE grants ROLE (researcher, curator or admin; repeatable). Without any, the values are the role names.",
        valueName: "role=value"))
    var roles: [String] = []

    func validate() throws {
        let given = [issuer, audience, jwks].compactMap { $0 }
        guard given.isEmpty || given.count == 3 else {
            throw ValidationError("--oidc-issuer, --oidc-audience and --oidc-jwks go together: give all three or none")
        }
        guard !given.isEmpty else {
            guard roles.isEmpty else { throw ValidationError("--oidc-role needs --oidc-issuer, --oidc-audience and --oidc-jwks") }
            return
        }
        if let issuer, Catalogue.Serve.httpURL(issuer)?.scheme != "https", !(issuer.hasPrefix("http://127.0.0.1") || issuer.hasPrefix("http://localhost")) {
            throw ValidationError("--oidc-issuer '\(issuer)' is not an https URL")
        }
        guard audience?.isEmpty == false, !roleClaim.isEmpty else { throw ValidationError("--oidc-audience and --oidc-role-claim must not be empty") }
        _ = try roleValues()
    }

    /// The configuration, or nil when OIDC is not asked for.
    func configuration() throws -> OIDCConfiguration? {
        guard let issuer, let audience, let jwks else { return nil }
        return OIDCConfiguration(
            issuer: issuer, audience: audience, jwksFile: URL(fileURLWithPath: jwks), roleClaim: roleClaim, roleValues: try roleValues())
    }

    private func roleValues() throws -> [APIRole: Set<String>] {
        var values: [APIRole: Set<String>] = [:]
        for entry in roles {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let role = APIRole(rawValue: String(parts[0])), APIRole.grantable.contains(role), !parts[1].isEmpty else {
                throw ValidationError("--oidc-role '\(entry)' is not ROLE=VALUE with ROLE one of researcher, curator, admin")
            }
            values[role, default: []].insert(String(parts[1]))
        }
        return values
    }
}
