import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Bearer JWTs of an OpenID Connect provider beside the catalogue's own API tokens.
@Suite("OIDC bearer tokens")
struct OIDCAuthenticationTests {
    @Test func aCuratorsEditWithAProviderTokenIsAuthoredByTheOIDCSubject() async throws {
        let fixture = try ServerFixture()
        let provider = try OIDCTestProvider(folder: fixture.folder)
        let token = try await provider.token(role: .curator, subject: "0f3c9a@lifescience-ri.eu")
        try await fixture.withServer(adjust: { $0.oidc = provider.configuration() }) { client in
            let edit = try await client.execute(
                uri: "/api/v1/vocabularies/changes", method: .post, headers: .json(bearer: token),
                body: ByteBuffer(json: #"{"op": "add-label", "concept": "ct:nsclc", "label": {"value": "Pulmokarzinom", "language": "de"}, "reason": "German label"}"#))
            #expect(edit.status == .created, "\(String(buffer: edit.body))")
            let history = try await client.execute(uri: "/api/v1/vocabularies/changes?limit=1", method: .get, headers: .bearer(token))
            let latest = try #require(try history.decoded([VocabularyChangeRecord].self).first)
            #expect(latest.author == "oidc:0f3c9a@lifescience-ri.eu")
        }
    }

    @Test func aRefusedProviderTokenIs401WithTheReason() async throws {
        let fixture = try ServerFixture()
        let provider = try OIDCTestProvider(folder: fixture.folder)
        let now = Date().timeIntervalSince1970
        let cases: [(String, String)] = [
            (try await provider.token(.init(exp: now - 3_600)), "expired"),
            (try await provider.token(.init(exp: nil)), "no numeric 'exp'"),
            (try await provider.token(.init(aud: ["another-service"])), "audience"),
            (try await provider.token(.init(iss: "https://evil.example.net/")), "issuer"),
            (try OIDCTestProvider.unsigned(.init()), "algorithm 'none'"),
            (try await provider.hmacForgery(.init()), "algorithm 'HS256'"),
        ]
        try await fixture.withServer(adjust: { $0.oidc = provider.configuration() }) { client in
            for (token, reason) in cases {
                let response = try await client.execute(uri: "/api/v1/datasets", method: .get, headers: .bearer(token))
                #expect(response.status == .unauthorized)
                let detail = response.object["detail"] as? String ?? ""
                #expect(detail.contains(reason), "\(detail)")
                #expect(response.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            }
        }
    }

    @Test func aSignedInSubjectWithoutAnEntitlementIsForbiddenAndToldWhichClaim() async throws {
        let fixture = try ServerFixture()
        let provider = try OIDCTestProvider(folder: fixture.folder)
        let token = try await provider.token(.init(eduperson_entitlement: ["urn:example:other-group"]))
        try await fixture.withServer(adjust: { $0.oidc = provider.configuration() }) { client in
            #expect(try await client.execute(uri: "/api/v1/datasets", method: .get, headers: .bearer(token)).status == .ok)
            let queue = try await client.execute(uri: "/api/v1/vocabularies/unmapped", method: .get, headers: .bearer(token))
            #expect(queue.status == .forbidden)
            #expect((queue.object["detail"] as? String)?.contains("'eduperson_entitlement' claim grants no role") == true)
        }
    }

    @Test func aRotatedKeySetIsReadWithoutARestartAndABrokenOneKeepsThePreviousKeys() async throws {
        let fixture = try ServerFixture()
        let provider = try OIDCTestProvider(folder: fixture.folder)
        let oldToken = try await provider.token(role: .curator)
        let rotated = try OIDCTestProvider(folder: fixture.folder, kid: "test-key-2")
        let newToken = try await rotated.token(role: .curator)
        // The second provider wrote its key over the first one's file; put the first back.
        try provider.writeKeySet()
        let queue = "/api/v1/vocabularies/unmapped"
        try await fixture.withServer(adjust: { $0.oidc = provider.configuration() }) { client in
            #expect(try await client.execute(uri: queue, method: .get, headers: .bearer(oldToken)).status == .ok)
            #expect(try await client.execute(uri: queue, method: .get, headers: .bearer(newToken)).status == .unauthorized)
            try await Self.touchLater { try rotated.writeKeySet() }
            #expect(try await client.execute(uri: queue, method: .get, headers: .bearer(newToken)).status == .ok)
            #expect(try await client.execute(uri: queue, method: .get, headers: .bearer(oldToken)).status == .unauthorized)
            try await Self.touchLater { try #"{"keys": [{"kty": "EC""#.write(to: provider.jwksFile, atomically: true, encoding: .utf8) }
            #expect(try await client.execute(uri: queue, method: .get, headers: .bearer(newToken)).status == .ok)
        }
    }

    @Test(arguments: [
        (#"{"keys": []}"#, "holds no signing key"),
        ("not json", "is not a JSON Web Key Set"),
        (#"{"keys": [{"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}]}"#, "has no 'kid'"),
        (#"{"keys": [{"kty": "EC", "kid": "k", "crv": "P-256", "x": "AA", "y": "AA", "d": "AA"}]}"#, "private or secret key material ('d')"),
        (#"{"keys": [{"kty": "oct", "kid": "k", "k": "c2VjcmV0"}]}"#, "private or secret key material ('k')"),
        (#"{"keys": [{"kty": "RSA", "kid": "k", "alg": "HS256", "n": "AA", "e": "AQAB"}]}"#, "algorithm 'HS256'"),
        (#"{"keys": [{"kty": "EC", "kid": "k", "crv": "P-256", "x": "AA", "y": "AA"}]}"#, "not a usable EC public key"),
    ])
    func anUnusableKeySetStopsTheServerFromStartingWithTheReason(keySet: String, reason: String) async throws {
        let fixture = try ServerFixture()
        let provider = try OIDCTestProvider(folder: fixture.folder)
        try keySet.write(to: provider.jwksFile, atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration(catalogue: fixture.configuration, port: 0)
        configuration.oidc = provider.configuration()
        do {
            _ = try await CatalogueApplication.build(configuration)
            Issue.record("the server started with the key set \(keySet)")
        } catch let error as OIDCConfigurationError {
            #expect(error.description.contains(reason), "\(error)")
            #expect(error.description.contains("jwks.json"))
        }
        try? FileManager.default.removeItem(at: fixture.folder)
    }

    /// Runs `change` with a modification time that differs from the file's current one (file
    /// systems with one-second times would otherwise hide a rewrite in the same second).
    static func touchLater(_ change: () throws -> Void) async throws {
        try await Task.sleep(for: .milliseconds(1_100))
        try change()
    }
}
