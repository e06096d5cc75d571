import CatalogueModel
import Foundation

/// How the server accepts bearer JWTs of an OpenID Connect provider (LS-AAI-style) beside its own
/// API tokens: whose tokens (issuer), for whom (audience), signed by which keys (a JWKS file the
/// operator keeps current), and which claim grants which role.
public struct OIDCConfiguration: Sendable, Equatable {
    /// The `iss` a token must carry, exactly.
    public var issuer: String
    /// A value `aud` must hold (a string or one of an array's strings).
    public var audience: String
    /// The provider's public keys as a JSON Web Key Set; re-read when the file changes, so a key
    /// rotation needs no restart.
    public var jwksFile: URL
    /// The claim whose value (a string or an array of strings) grants the role, such as
    /// `eduperson_entitlement` or `roles`.
    public var roleClaim: String
    /// For each role, the claim values that grant it. Empty: the values are the role names themselves.
    public var roleValues: [APIRole: Set<String>]
    /// Clock skew tolerated on `exp` and `nbf`.
    public var leeway: Duration
    /// How often the JWKS file's modification time is looked at.
    public var keysCheckInterval: Duration = .seconds(10)

    public init(
        issuer: String, audience: String, jwksFile: URL, roleClaim: String,
        roleValues: [APIRole: Set<String>] = [:], leeway: Duration = .seconds(60)
    ) {
        self.issuer = issuer
        self.audience = audience
        self.jwksFile = jwksFile
        self.roleClaim = roleClaim
        self.roleValues = roleValues
        self.leeway = leeway
    }

    /// The highest role that any of `values` grants; nil when none does.
    func role(granting values: [String]) -> APIRole? {
        let held = Set(values)
        return APIRole.grantable.reversed().first { role in
            let granting = roleValues.isEmpty ? [role.rawValue] : roleValues[role, default: []]
            return !granting.isDisjoint(with: held)
        }
    }
}
