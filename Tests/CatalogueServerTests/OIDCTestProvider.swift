import CatalogueModel
import CatalogueServer
import Foundation
import JWTKit

/// A stand-in OpenID Connect provider: an ES256 key pair made for the test, its public key
/// written as a JWKS file, and tokens signed with the private key.
struct OIDCTestProvider {
    static let issuer = "https://login.example.org/oidc/"
    static let audience = "imaging-catalogue"
    /// LS-AAI-style entitlements, mapped to roles by the configuration.
    static let entitlements: [APIRole: String] = [
        .researcher: "urn:example:eucaim:researchers", .curator: "urn:example:eucaim:curators", .admin: "urn:example:eucaim:admins",
    ]

    /// The claims a test token carries; nil fields are left out of the token.
    struct Claims: JWTPayload {
        var iss: String? = OIDCTestProvider.issuer
        var aud: [String]? = [OIDCTestProvider.audience]
        var sub: String? = "researcher-0001@example.org"
        var exp: Double? = Date().addingTimeInterval(600).timeIntervalSince1970
        var nbf: Double?
        var eduperson_entitlement: [String]?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    let key = ES256PrivateKey()
    let kid: String
    let jwksFile: URL

    init(folder: URL, kid: String = "test-key-1") throws {
        self.kid = kid
        jwksFile = folder.appendingPathComponent("jwks.json")
        try writeKeySet()
    }

    /// Writes this provider's public key as the JWKS file.
    func writeKeySet() throws {
        let (x, y) = key.publicKey.parameters!
        let set = #"{"keys": [{"kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256", "kid": "\#(kid)", "x": "\#(x)", "y": "\#(y)"}]}"#
        try set.write(to: jwksFile, atomically: true, encoding: .utf8)
    }

    /// The server's OIDC settings for this provider: entitlements grant the roles.
    func configuration() -> OIDCConfiguration {
        var configuration = OIDCConfiguration(
            issuer: Self.issuer, audience: Self.audience, jwksFile: jwksFile, roleClaim: "eduperson_entitlement",
            roleValues: Self.entitlements.mapValues { [$0] })
        configuration.keysCheckInterval = .zero
        return configuration
    }

    /// A token signed by this provider.
    func token(_ claims: Claims) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    /// A token granting `role` through its entitlement.
    func token(role: APIRole, subject: String = "researcher-0001@example.org") async throws -> String {
        try await token(Claims(sub: subject, eduperson_entitlement: [Self.entitlements[role]!, "urn:example:other-group"]))
    }

    /// The same claims signed `alg: none`, with an empty signature.
    static func unsigned(_ claims: Claims) throws -> String {
        func part(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return part(Data(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + part(try JSONEncoder().encode(claims)) + "."
    }

    /// The claims signed HS256 with the provider's public key as the HMAC secret (the classic
    /// algorithm-confusion forgery).
    func hmacForgery(_ claims: Claims) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: key.publicKey.pemRepresentation), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }
}
