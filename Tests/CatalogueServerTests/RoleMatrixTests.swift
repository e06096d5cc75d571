import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every route, called by every kind of caller: the status is exactly 2xx, 401 or 403 as the
/// route's role and the caller's token say.
@Suite("Roles and tokens")
struct RoleMatrixTests {
    /// A caller of the matrix: a live API token or OIDC JWT of a role, a valid JWT that grants no
    /// role, or a token that must be refused.
    enum CallerKind: CaseIterable {
        case anonymous, researcher, curator, admin, expired, revoked, malformed, notBearer
        case oidcResearcher, oidcCurator, oidcAdmin, oidcNoRole
        case oidcExpired, oidcNotYetValid, oidcWrongIssuer, oidcWrongAudience, oidcForeignKey, oidcUnsigned, oidcHMACForgery, oidcNoSubject

        /// The role the caller acts with; nil for a token that is refused.
        var role: APIRole? {
            switch self {
            case .anonymous, .oidcNoRole: .anonymous
            case .researcher, .oidcResearcher: .researcher
            case .curator, .oidcCurator: .curator
            case .admin, .oidcAdmin: .admin
            default: nil
            }
        }

        /// Whether the caller proved an identity (a role-less identity gets 403, not 401).
        var signedIn: Bool { self != .anonymous }
    }

    /// The bearer secret of each OIDC caller kind, signed by `provider` or forged.
    static func oidcSecrets(_ provider: OIDCTestProvider, folder: URL) async throws -> [CallerKind: String] {
        typealias Claims = OIDCTestProvider.Claims
        let now = Date().timeIntervalSince1970
        let foreignFolder = folder.appendingPathComponent("foreign-provider", isDirectory: true)
        try FileManager.default.createDirectory(at: foreignFolder, withIntermediateDirectories: true)
        let foreign = try OIDCTestProvider(folder: foreignFolder)
        return [
            .oidcResearcher: try await provider.token(role: .researcher),
            .oidcCurator: try await provider.token(role: .curator, subject: "curator@example.org"),
            .oidcAdmin: try await provider.token(role: .admin, subject: "admin@example.org"),
            .oidcNoRole: try await provider.token(Claims(eduperson_entitlement: ["urn:example:other-group"])),
            .oidcExpired: try await provider.token(Claims(exp: now - 3_600, eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcNotYetValid: try await provider.token(Claims(nbf: now + 3_600, eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcWrongIssuer: try await provider.token(Claims(iss: "https://evil.example.net/", eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcWrongAudience: try await provider.token(Claims(aud: ["another-service"], eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcForeignKey: try await foreign.token(role: .admin),
            .oidcUnsigned: try OIDCTestProvider.unsigned(Claims(eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcHMACForgery: try await provider.hmacForgery(Claims(eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
            .oidcNoSubject: try await provider.token(Claims(sub: nil, eduperson_entitlement: [OIDCTestProvider.entitlements[.admin]!])),
        ]
    }

    /// One route: how to call it (given a number unique to the call) and the role it needs.
    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: @Sendable (Int) -> String
        var body: (@Sendable (Int) -> String)?
        var role: APIRole
        var success: HTTPResponse.Status
    }

    static let routes: [Route] = [
        Route(method: .get, path: { _ in "/healthz" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/readyz" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/openapi.json" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/datasets?q=lung" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/datasets/nl-test/ds-nsclc" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/nodes" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/harvests" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/vocabularies" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/vocabularies/cancerType" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/vocabularies/cancerType/concepts/nsclc" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/vocabularies/changes" }, role: .curator, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/vocabularies/unmapped" }, role: .curator, success: .ok),
        Route(method: .post, path: { _ in "/api/v1/vocabularies/changes" },
              body: { n in #"{"op": "add-label", "concept": "ct:nsclc", "label": {"value": "matrix label \#(n)"}, "reason": "role matrix"}"# },
              role: .curator, success: .created),
        Route(method: .post, path: { n in "/api/v1/vocabularies/changes/\(n)/undo" }, body: { _ in #"{"reason": "role matrix"}"# },
              role: .curator, success: .created),
        Route(method: .get, path: { _ in "/api/v1/tokens" }, role: .admin, success: .ok),
        Route(method: .post, path: { _ in "/api/v1/tokens" }, body: { n in #"{"name": "matrix-\#(n)", "role": "researcher"}"# },
              role: .admin, success: .created),
        Route(method: .delete, path: { n in "/api/v1/tokens/revocable-\(n)" }, role: .admin, success: .noContent),
        Route(method: .post, path: { _ in "/api/v1/harvests" }, body: { _ in #"{"nodes": ["harvested-node"]}"# },
              role: .admin, success: .accepted),
        Route(method: .get, path: { _ in "/api/v1/harvests/jobs/1" }, role: .admin, success: .ok),
        Route(method: .get, path: { _ in "/metrics" }, role: .admin, success: .ok),
        Route(method: .get, path: { _ in "/catalog?page=1&pageSize=2" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/api/v1/counts" }, role: .anonymous, success: .ok),
        Route(method: .post, path: { _ in "/api/v1/counts" }, body: { _ in #"{"filters": {"sex": "female"}}"# },
              role: .researcher, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/info" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/configuration" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/map" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/entry_types" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/filtering_terms" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/individuals" }, role: .anonymous, success: .ok),
        Route(method: .get, path: { _ in "/beacon/v2/individuals?filters=NCIT:C16576" }, role: .researcher, success: .ok),
        Route(method: .post, path: { _ in "/beacon/v2/individuals" }, body: { _ in #"{"query": {"filters": [{"id": "NCIT:C16576"}]}}"# },
              role: .researcher, success: .ok),
    ]

    @Test func everyRouteAnswersEveryCallerWithExactlyTheStatusItsRoleGives() async throws {
        let fixture = try ServerFixture()
        let nodes = try fixture.writeFederation()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        var secrets: [CallerKind: String] = [:]
        for kind in [CallerKind.researcher, .curator, .admin] {
            secrets[kind] = try engine.createToken(name: "\(kind)", role: kind.role!, expiresIn: nil).secret
        }
        secrets[.expired] = try engine.createToken(
            name: "expired", role: .admin, expiresIn: .seconds(86_400), now: Date().addingTimeInterval(-2 * 86_400)).secret
        secrets[.revoked] = try engine.createToken(name: "revoked", role: .admin, expiresIn: nil).secret
        try engine.revokeToken(named: "revoked")
        secrets[.malformed] = "not-a-token"
        let provider = try OIDCTestProvider(folder: fixture.folder)
        secrets.merge(try await Self.oidcSecrets(provider, folder: fixture.folder)) { old, _ in old }
        // Changes to undo and tokens to revoke, one per call that may succeed.
        var undoable: [Int] = []
        for number in 0..<Self.routes.count * CallerKind.allCases.count {
            // Each on a concept of its own, so undoing one never meets a later change of the same concept.
            let edit = VocabularyEdit.addConcept(
                scheme: .cancerType, id: "undoable-\(number)", prefLabel: LangString("Undoable \(number)", language: "en"),
                broader: [try engine.resolveConcept("ct:nsclc")])
            undoable.append(try engine.applyVocabularyEdit(edit, by: .init(name: "test", reason: "to undo")).change)
            _ = try engine.createToken(name: "revocable-\(number)", role: .researcher, expiresIn: nil)
        }
        let calls = undoable
        let tokens = secrets
        try await fixture.withServer(nodesFile: nodes, adjust: { $0.oidc = provider.configuration() }) { client in
            var number = 0
            for kind in CallerKind.allCases {
                for route in Self.routes {
                    let callNumber = route.path(0).contains("/undo") ? calls[number] : number
                    var headers: HTTPFields = kind == .notBearer ? [.authorization: "Basic YWRtaW46YWRtaW4="] : .bearer(tokens[kind])
                    if route.body != nil { headers[.contentType] = "application/json" }
                    let path = route.path(route.path(0).contains("revocable") ? number : callNumber)
                    let response = try await client.execute(
                        uri: path, method: route.method, headers: headers, body: route.body.map { ByteBuffer(json: $0(number)) })
                    let expected: HTTPResponse.Status = switch kind.role {
                    case nil: .unauthorized
                    case .anonymous? where route.role > .anonymous: kind.signedIn ? .forbidden : .unauthorized
                    case let role? where role < route.role: .forbidden
                    default: route.success
                    }
                    #expect(response.status == expected, "\(kind) \(route.method) \(path): \(String(buffer: response.body))")
                    if expected == .unauthorized { #expect(response.headers[.wwwAuthenticate] != nil) }
                    number += 1
                }
            }
        }
    }
}
