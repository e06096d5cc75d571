import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Limits, CORS and bodies")
struct LimitsTests {
    @Test func anAddressPastItsRateGets429WithRetryAfter() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer(adjust: { $0.addressRate = .init(perSecond: 0.001, burst: 3) }) { client in
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<5 {
                let response = try await client.execute(uri: "/api/v1/nodes", method: .get)
                statuses.append(response.status)
                if response.status == .tooManyRequests { retryAfter = response.headers[.retryAfter] }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
        }
    }

    @Test func onlyAllowListedOriginsGetCORSHeadersAndPreflightAnswers() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer(adjust: { $0.corsOrigins = ["https://hub.example.eu"] }) { client in
            let allowed = try await client.execute(uri: "/api/v1/nodes", method: .get, headers: [.origin: "https://hub.example.eu"])
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://hub.example.eu")
            let other = try await client.execute(uri: "/api/v1/nodes", method: .get, headers: [.origin: "https://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.execute(
                uri: "/api/v1/vocabularies/changes", method: .options,
                headers: [.origin: "https://hub.example.eu", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
        }
    }

    @Test func bodiesThatAreTooLargeNotJSONOrMalformedAreRefusedNamingWhy() async throws {
        let fixture = try ServerFixture()
        let secret = try fixture.engine().createToken(name: "curator", role: .curator, expiresIn: nil).secret
        try await fixture.withServer(adjust: { $0.maxBodyBytes = 1_000 }) { client in
            let path = "/api/v1/vocabularies/changes"
            let big = try await client.execute(
                uri: path, method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "map", "value": "\#(String(repeating: "x", count: 2_000))", "concept": "ct:nsclc", "reason": "r"}"#))
            #expect(big.status == .contentTooLarge)
            let text = try await client.execute(
                uri: path, method: .post, headers: [.authorization: "Bearer \(secret)", .contentType: "text/plain"], body: ByteBuffer(json: "{}"))
            #expect(text.status == .unsupportedMediaType)
            let broken = try await client.execute(uri: path, method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: #"{"op": "map", "#))
            #expect(broken.status == .badRequest)
            #expect((broken.object["detail"] as? String)?.contains("line 1") == true)
            let stray = try await client.execute(
                uri: path, method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "map", "value": "x", "concept": "ct:nsclc", "reason": "r", "kind": "alt"}"#))
            #expect(stray.status == .badRequest)
            #expect(stray.object["parameter"] as? String == "kind")
            let blank = try await client.execute(
                uri: path, method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "map", "value": "x", "concept": "ct:nsclc", "reason": "  "}"#))
            #expect(blank.status == .badRequest)
            #expect(blank.object["parameter"] as? String == "reason")
        }
    }
}
