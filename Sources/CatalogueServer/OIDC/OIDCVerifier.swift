import CatalogueModel
import Foundation
import JWTKit
import Logging

/// Verifies an OIDC provider's bearer JWTs and turns one into a ``Caller``: the signature
/// against the JWKS file's keys, then `exp`/`nbf`, the issuer, the audience and the role claim.
/// The keys are re-read when the file changes (an operator's job refreshes it from the
/// provider), and a file that stops parsing leaves the previous keys in use.
actor OIDCVerifier {
    let configuration: OIDCConfiguration
    private let logger: Logger
    private var keys: JWTKeyCollection
    private var keysModified: Date?
    private var lastLook = ContinuousClock.now

    /// Algorithms a provider signs with. Symmetric ones (HS*) and `none` are refused before any
    /// key is looked at: a public key must never serve as an HMAC secret.
    static let acceptedAlgorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

    private init(configuration: OIDCConfiguration, keys: JWTKeyCollection, modified: Date?, logger: Logger) {
        self.configuration = configuration
        self.keys = keys
        self.keysModified = modified
        self.logger = logger
    }

    /// Reads and checks the JWKS file; an unusable one stops the server from starting.
    static func load(_ configuration: OIDCConfiguration, logger: Logger) async throws(OIDCConfigurationError) -> OIDCVerifier {
        let (keys, modified) = try await OIDCKeySet.read(configuration.jwksFile)
        return OIDCVerifier(configuration: configuration, keys: keys, modified: modified, logger: logger)
    }

    /// Whether `secret` has the shape of a JWT (three base64url parts), as opposed to an API token.
    nonisolated static func looksLikeJWT(_ secret: String) -> Bool {
        let parts = secret.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && secret.hasPrefix("eyJ")
    }

    /// The caller a verified token stands for. A valid token whose role claim grants no role is a
    /// signed-in caller with the anonymous role: it reads what anyone reads, and gets 403, not
    /// 401, where a role is needed.
    func caller(for token: String) async throws(OIDCRefusal) -> Caller {
        try Self.checkAlgorithm(of: token)
        await reloadKeysIfChanged()
        let claims: OIDCClaims
        do {
            claims = try await keys.verify(token, as: OIDCClaims.self)
        } catch let error as JWTError {
            throw Self.refusal(error)
        } catch {
            throw OIDCRefusal("the token could not be read as a JWT")
        }
        try claims.checkTimes(now: Date(), leeway: Double(configuration.leeway.components.seconds))
        guard claims.string("iss") == configuration.issuer else {
            throw OIDCRefusal("the token's issuer ('iss') is not the configured OIDC issuer")
        }
        guard claims.claims["aud"]?.texts?.contains(configuration.audience) == true else {
            throw OIDCRefusal("the token's audience ('aud') does not include '\(configuration.audience)'")
        }
        guard let subject = claims.string("sub"), (1...255).contains(subject.count) else {
            throw OIDCRefusal("the token has no subject ('sub') of 1–255 characters")
        }
        let values = claims.claims[configuration.roleClaim]?.texts ?? []
        let role = configuration.role(granting: values)
        return Caller(role: role ?? .anonymous, name: "oidc:\(subject)", credential: .oidc(roleClaim: configuration.roleClaim))
    }

    /// Refuses `alg` values outside ``acceptedAlgorithms`` (and headers that are not JSON).
    static func checkAlgorithm(of token: String) throws(OIDCRefusal) {
        struct Header: Decodable { var alg: String }
        guard let encoded = token.split(separator: ".").first, let data = Data(base64URL: String(encoded)),
              let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw OIDCRefusal("the token's header is not base64url JSON with an 'alg'")
        }
        guard acceptedAlgorithms.contains(header.alg) else {
            throw OIDCRefusal("the token's algorithm '\(header.alg.prefix(20))' is not accepted (accepted: \(acceptedAlgorithms.sorted().joined(separator: ", ")))")
        }
    }

    private static func refusal(_ error: JWTError) -> OIDCRefusal {
        switch error.errorType {
        case .signatureVerificationFailed: OIDCRefusal("the token's signature does not verify against the OIDC provider's keys")
        case .malformedToken: OIDCRefusal("the token is not a well-formed JWT")
        case .unknownKID, .noKeyProvided: OIDCRefusal("the token names a key ('kid') the OIDC provider's key set does not hold")
        default: OIDCRefusal("the token does not verify against the OIDC provider's keys")
        }
    }

    /// Re-reads the JWKS file when its modification time changed; keeps the old keys (and logs)
    /// when the new file is unusable, so a half-written file never locks every user out.
    private func reloadKeysIfChanged() async {
        guard ContinuousClock.now - lastLook >= configuration.keysCheckInterval else { return }
        lastLook = .now
        let modified = OIDCKeySet.modificationDate(of: configuration.jwksFile)
        guard modified != keysModified else { return }
        do {
            (keys, keysModified) = try await OIDCKeySet.read(configuration.jwksFile)
            logger.info("reloaded the OIDC provider's keys", metadata: ["file": "\(configuration.jwksFile.lastPathComponent)"])
        } catch {
            keysModified = modified
            logger.error("kept the previous OIDC keys: \(error)")
        }
    }
}

extension Data {
    /// Base64url without padding (RFC 7515), as JWT parts are written.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
