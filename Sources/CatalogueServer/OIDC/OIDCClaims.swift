import Foundation
import JWTKit

/// The claims of a provider's token, kept whole: the role claim's name is configuration, so the
/// payload cannot be a fixed struct. Only what the server reads is interpreted; `verify` checks
/// the signature-independent time claims, and ``OIDCVerifier`` the issuer, audience and role.
struct OIDCClaims: JWTPayload {
    /// A claim's value as far as the server cares: text, a list of texts, or something else.
    enum Value: Codable, Sendable, Equatable {
        case string(String)
        case strings([String])
        case number(Double)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let list = try? container.decode([String].self) {
                self = .strings(list)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .strings(let list): try container.encode(list)
            case .number(let number): try container.encode(number)
            case .other: try container.encodeNil()
            }
        }

        /// The value as a list of texts (one text is a list of one); nil for anything else.
        var texts: [String]? {
            switch self {
            case .string(let text): [text]
            case .strings(let list): list
            case .number, .other: nil
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var claims: [String: Value]

    init(claims: [String: Value]) {
        self.claims = claims
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var claims: [String: Value] = [:]
        for key in container.allKeys {
            claims[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        self.claims = claims
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in claims {
            try container.encode(value, forKey: Key(stringValue: name))
        }
    }

    /// Nothing here: the time checks need the configured leeway, which jwt-kit cannot pass in,
    /// so ``OIDCVerifier`` calls ``checkTimes(now:leeway:)`` after the signature is verified.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// `exp` is required (a token that never expires is refused) and must lie ahead; `nbf`, when
    /// present, behind — both within `leeway` seconds.
    func checkTimes(now: Date, leeway leewaySeconds: Double) throws(OIDCRefusal) {
        let now = now.timeIntervalSince1970
        guard case .number(let expiry)? = claims["exp"] else { throw OIDCRefusal("the token has no numeric 'exp' claim") }
        guard now < expiry + leewaySeconds else { throw OIDCRefusal("the token expired") }
        if let notBefore = claims["nbf"] {
            guard case .number(let start) = notBefore else { throw OIDCRefusal("the token's 'nbf' claim is not a number") }
            guard now + leewaySeconds >= start else { throw OIDCRefusal("the token is not valid yet ('nbf')") }
        }
    }

    func string(_ name: String) -> String? {
        guard case .string(let text)? = claims[name] else { return nil }
        return text
    }
}

/// Why a bearer JWT is refused: said to the client in the 401, so it names the claim or check.
struct OIDCRefusal: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
