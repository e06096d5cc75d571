import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CohortCounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The feasibility page and the sign-in behind it: released values only, the API's policy and
/// budget, and a cookie that serves the pages and never the API.
@Suite("Web pages: sign-in and feasibility counts")
struct WebCountsTests {
    static let lungCancer = "https://w3id.org/imaging-catalogue/vocab/cancer-type/lung-cancer"

    /// The fixture with subjects for nl-test/ds-nsclc and a researcher's token.
    static func prepared() throws -> (ServerFixture, secret: String) {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        return (fixture, try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret)
    }

    static func signIn(_ client: some TestClientProtocol, secret: String, next: String = "/counts") async throws -> TestResponse {
        try await client.execute(
            uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "token=\(secret)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"))
    }

    @Test func aSignedOutVisitorIsAskedToSignInAndGetsNoCount() async throws {
        let (fixture, _) = try Self.prepared()
        try await fixture.withServer { client in
            let page = try await client.execute(uri: "/counts?cancerType=icd10:C34&sex=female", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"<a href="/signin?next=/counts%3FcancerType%3Dicd10:C34%26sex%3Dfemale">Sign in</a>"#), "\(html)")
            #expect(!html.contains("counts-table"))
        }
    }

    @Test func aSignedInResearcherSeesTheAPIsReleasedCountsAndWhatTheyMean() async throws {
        let (fixture, secret) = try Self.prepared()
        let expected = try fixture.engine().countSubjects([("cancerType", Self.lungCancer), ("sex", "female")])
        try await fixture.withServer { client in
            let signedIn = try await Self.signIn(client, secret: secret)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/counts")
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(cookie.hasPrefix("catalogue_session=\(secret);") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let page = try await client.execute(
                uri: "/counts?cancerType=\(Self.lungCancer)&modality=&sex=female&age=", method: .get,
                headers: [.cookie: "other=1; catalogue_session=\(secret)"])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            let value = try #require(expected.datasets.first { $0.dataset.id == "ds-nsclc" }?.subjects.releasedValue)
            #expect(html.contains(#"<a href="/datasets/nl-test/ds-nsclc">nl-test/ds-nsclc</a></td><td>nl-test</td><td class="number">\#(value)</td>"#), "\(html)")
            #expect(html.contains("<h2 id=\"count-heading\">\(expected.total.subjects) subjects in all"))
            #expect(html.contains("(120 means about 110 to 130)"))
            #expect(html.contains(#"<option value="\#(Self.lungCancer)" selected>"#))
            #expect(html.contains(#"<option value="female" selected>female</option><option value="male">male</option>"#))
        }
    }

    @Test func aRefusedCriterionIsShownWithTheAPIsSentence() async throws {
        let (fixture, secret) = try Self.prepared()
        try await fixture.withServer { client in
            let page = try await client.execute(uri: "/counts?age=45-64", method: .get, headers: [.cookie: "catalogue_session=\(secret)"])
            #expect(page.status == .badRequest)
            #expect(String(buffer: page.body).contains("whole 10-year bands"))
        }
    }

    @Test func theSessionCookieNeverAuthorisesTheAPI() async throws {
        let (fixture, secret) = try Self.prepared()
        try await fixture.withServer { client in
            let api = try await client.execute(
                uri: "/api/v1/counts", method: .post, headers: [.cookie: "catalogue_session=\(secret)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"filters": {"sex": "female"}}"#))
            #expect(api.status == .unauthorized)
            let tokens = try await client.execute(uri: "/api/v1/tokens", method: .get, headers: [.cookie: "catalogue_session=\(secret)"])
            #expect(tokens.status == .unauthorized)
        }
    }

    @Test func aWrongTokenOrAForeignFormIsRefusedAndNextStaysOnThisSite() async throws {
        let (fixture, secret) = try Self.prepared()
        try await fixture.withServer { client in
            let wrong = try await Self.signIn(client, secret: "cat_notatoken")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(String(buffer: wrong.body).contains("no request is served with it"))
            let foreign = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                body: ByteBuffer(string: "token=\(secret)"))
            #expect(foreign.status == .forbidden && foreign.headers[.setCookie] == nil)
            let crossSite = try await client.execute(
                uri: "/signin", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site", .origin: "null"],
                body: ByteBuffer(string: "token=\(secret)"))
            #expect(crossSite.status == .forbidden && crossSite.headers[.setCookie] == nil)
            let away = try await Self.signIn(client, secret: secret, next: "//evil.example/x")
            #expect(away.headers[.location] == "/")
            let out = try await client.execute(uri: "/signout", method: .post)
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }
}
