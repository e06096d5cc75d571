import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CatalogueTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The curators' pages: the unmapped queue, mapping a value with one form, the history and undo;
/// a form from another site, another session or a non-curator changes nothing.
@Suite("Web pages: curators")
struct WebCuratorTests {
    static let cancer = "https://w3id.org/imaging-catalogue/vocab/cancer-type/cancer"
    static let ct = "https://w3id.org/imaging-catalogue/vocab/imaging-modality/ct"

    /// The fixture plus a dataset whose condition nothing maps, and a curator's token.
    static func prepared() throws -> (ServerFixture, secret: String) {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        let thymus = FixtureDataset(id: "ds-thymus", title: "Thymic tumours CT", conditions: ["\"Carcinoma of the thymus\""], modalities: ["\"CT\""])
        _ = try engine.importFiles([try FixtureDataset.write([thymus], named: "thymus.ttl", in: fixture.folder)], node: "nl-test", format: nil)
        return (fixture, try engine.createToken(name: "maria", role: .curator, expiresIn: nil).secret)
    }

    static func post(_ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)], secret: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let secret { headers[.cookie] = "catalogue_session=\(secret)" }
        let body = fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The CSRF token of `secret`'s session, read off the queue page as a browser gets it.
    static func csrf(_ client: some TestClientProtocol, secret: String) async throws -> String {
        let page = String(buffer: try await client.execute(uri: "/curate", method: .get, headers: [.cookie: "catalogue_session=\(secret)"]).body)
        return try #require(field("csrf", in: page))
    }

    /// The value of the first hidden field `name` of a page.
    static func field(_ name: String, in page: String) -> String? {
        guard let start = page.range(of: #"name="\#(name)" value=""#)?.upperBound else { return nil }
        return String(page[start...].prefix { $0 != "\"" })
    }

    static func total(_ client: some TestClientProtocol, _ query: String) async throws -> Int {
        try await client.execute(uri: "/api/v1/datasets?\(query)", method: .get).decoded(SearchResponse.self).total
    }

    @Test func aCuratorMapsAQueuedValueSeesTheDatasetChangeAndUndoesIt() async throws {
        let (fixture, secret) = try Self.prepared()
        try await fixture.withServer { client in
            let queue = String(buffer: try await client.execute(uri: "/curate", method: .get, headers: [.cookie: "catalogue_session=\(secret)"]).body)
            #expect(queue.contains("“Carcinoma of the thymus”"), "\(queue)")
            let csrf = try await Self.csrf(client, secret: secret)
            #expect(csrf.count == 64)
            let before = try await Self.total(client, "cancerType=\(Self.cancer)")
            let mapped = try await Self.post(client, "/curate/map", [
                ("csrf", csrf), ("value", "Carcinoma of the thymus"), ("field", "cancerType"), ("concept", Self.cancer), ("reason", "thymic carcinoma is a cancer"),
            ], secret: secret)
            #expect(mapped.status == .created, "\(String(buffer: mapped.body))")
            let page = String(buffer: mapped.body)
            #expect(page.contains("1 dataset changed"), "\(page)")
            #expect(try await Self.total(client, "cancerType=\(Self.cancer)") == before + 1)
            let change = try #require(try fixture.engine().vocabularyHistory(limit: 1).first)
            #expect(change.author == "maria" && change.reason == "thymic carcinoma is a cancer")
            #expect(page.contains(#"name="change" value="\#(change.id)""#))
            let undone = try await Self.post(client, "/curate/undo", [("csrf", csrf), ("change", String(change.id)), ("reason", "too broad")], secret: secret)
            #expect(undone.status == .created)
            #expect(try await Self.total(client, "cancerType=\(Self.cancer)") == before)
            let history = String(buffer: try await client.execute(uri: "/curate/history", method: .get, headers: [.cookie: "catalogue_session=\(secret)"]).body)
            #expect(history.contains("too broad") && history.contains("thymic carcinoma is a cancer"))
        }
    }

    @Test func aFormWithoutTheSessionsTokenFromAnotherSiteOrOfAnotherSchemeChangesNothing() async throws {
        let (fixture, secret) = try Self.prepared()
        let engine = try fixture.engine()
        let researcher = try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let colleague = try engine.createToken(name: "joan", role: .curator, expiresIn: nil).secret
        let changes = try engine.vocabularyHistory().count
        try await fixture.withServer { client in
            let own = try await Self.csrf(client, secret: secret), colleagues = try await Self.csrf(client, secret: colleague)
            #expect(own != colleagues)
            let fields = [("value", "Carcinoma of the thymus"), ("field", "cancerType"), ("concept", Self.cancer), ("reason", "x")]
            let noToken = try await Self.post(client, "/curate/map", fields, secret: secret)
            #expect(noToken.status == .forbidden)
            let otherSession = try await Self.post(client, "/curate/map", [("csrf", colleagues)] + fields, secret: secret)
            #expect(otherSession.status == .forbidden)
            let notCurator = try await Self.post(client, "/curate/map", [("csrf", own)] + fields, secret: researcher)
            #expect(notCurator.status == .forbidden)
            let signedOut = try await Self.post(client, "/curate/map", [("csrf", own)] + fields, secret: nil)
            #expect(signedOut.status == .unauthorized)
            let wrongScheme = try await Self.post(client, "/curate/map", [
                ("csrf", own), ("value", "Carcinoma of the thymus"), ("field", "cancerType"), ("concept", Self.ct), ("reason", "x"),
            ], secret: secret)
            #expect(wrongScheme.status == .badRequest)
            #expect(String(buffer: wrongScheme.body).contains("is not a concept of cancerType"))
            let page = try await client.execute(uri: "/curate", method: .get)
            #expect(page.status == .unauthorized && String(buffer: page.body).contains("/signin?next=/curate"))
        }
        #expect(try engine.vocabularyHistory().count == changes)
    }

    @Test func theConceptEditorAddsALabelAndShowsARefusedEditWithItsReason() async throws {
        let (fixture, secret) = try Self.prepared()
        let nsclc = "https://w3id.org/imaging-catalogue/vocab/cancer-type/nsclc"
        try await fixture.withServer { client in
            let cookie: HTTPFields = [.cookie: "catalogue_session=\(secret)"]
            let found = String(buffer: try await client.execute(uri: "/curate/concepts?q=non-small", method: .get, headers: cookie).body)
            #expect(found.contains(#"<a href="/curate/concepts/cancerType/nsclc">"#), "\(found)")
            let editor = String(buffer: try await client.execute(uri: "/curate/concepts/cancerType/nsclc", method: .get, headers: cookie).body)
            #expect(editor.contains("<h1>Non-small cell lung cancer</h1>"))
            let csrf = try #require(Self.field("csrf", in: editor))
            #expect(try await Self.total(client, "q=Pulmokarzinom") == 0)
            let added = try await Self.post(client, "/curate/edit", [
                ("csrf", csrf), ("op", "add-label"), ("concept", nsclc), ("value", "Pulmokarzinom"), ("language", "de"), ("kind", "alt"), ("reason", "German label"),
            ], secret: secret)
            #expect(added.status == .created, "\(String(buffer: added.body))")
            #expect(try await Self.total(client, "q=Pulmokarzinom") == 1)
            let refused = try await Self.post(client, "/curate/edit", [
                ("csrf", csrf), ("op", "add-label"), ("concept", nsclc), ("value", "Krebs"), ("language", "de_DE"), ("kind", "alt"), ("reason", "typo"),
            ], secret: secret)
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("de_de"))
            let quality = try await client.execute(uri: "/curate/quality", method: .get, headers: cookie)
            #expect(quality.status == .ok && String(buffer: quality.body).contains("finding"))
        }
    }
}
