import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

/// Secrets never live in, or leak from, an endpoint URL: `nodes.toml` refuses a URL with a user
/// or password, and any URL with userinfo that still reaches a stored or printed place (a run's
/// endpoint, a page report, an error, a redirect target) shows `***` instead.
@Suite struct EndpointCredentialTests {
    private static let secret = "s3cr3t-pw"

    /// Writes `text` as nodes.toml in a fresh folder and loads it.
    private func load(_ text: String) throws -> FederationConfiguration {
        let folder = try ProjectPaths.temporaryDirectory("credential-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try FederationConfiguration.load(from: file)
    }

    private func node(endpoint: String) -> String {
        """
        [[node]]
        id = "es-upv"
        name = "UPV"
        country = "ES"
        endpoint = "\(endpoint)"
        """
    }

    @Test(arguments: [
        "https://harvester:\(secret)@fdp.upv.example/catalogue.ttl",
        "https://\(secret)@fdp.upv.example/catalogue.ttl",
        "http://harvester:\(secret)@fdp.upv.example:8080/catalogue.ttl",
    ])
    func refusesCredentialsInAnEndpointURLWithoutEchoingThem(endpoint: String) throws {
        do {
            _ = try load(node(endpoint: endpoint))
            Issue.record("expected \(endpoint) to be refused")
        } catch let error as FederationConfigurationError {
            #expect(error.file == "nodes.toml")
            #expect(error.node == "node #1 'es-upv'")
            #expect(error.key == "endpoint")
            #expect(error.message.contains("credentials = { env = "))
            #expect(error.message.contains("scheme = \"basic\""))
            #expect(!error.description.contains(Self.secret))
            #expect(error.description.contains("***@fdp.upv.example"))
        }
    }

    @Test func acceptsAnEndpointWithAnAtSignOnlyInItsPathOrQuery() throws {
        let configuration = try load(node(endpoint: "https://fdp.upv.example/people/@team?contact=a@b.example"))
        #expect(configuration.nodes.count == 1)
    }

    @Test(arguments: [
        ("https://user:pw@host.example/cat.ttl?page=2", "https://***@host.example/cat.ttl?page=2"),
        ("http://token@host.example:8080/", "http://***@host.example:8080/"),
        ("https://host.example/a@b", "https://host.example/a@b"),
        ("https://host.example/cat.ttl", "https://host.example/cat.ttl"),
        ("/srv/nodes/demo/page-1.ttl", "/srv/nodes/demo/page-1.ttl"),
        ("", ""),
        ("reading <https://u:pw@a.example/x> and http://v:pw@b.example", "reading <https://***@a.example/x> and http://***@b.example"),
    ])
    func redactsTheUserinfoOfAURLAndNothingElse(url: String, redacted: String) {
        #expect(URLRedaction.redacted(url) == redacted)
    }

    @Test func aRunEndpointNeverShowsTheUserinfo() throws {
        let endpoint = NodeEndpoint.remote(try #require(URL(string: "https://harvester:\(Self.secret)@node.example/c.ttl")))
        #expect(endpoint.description == "https://***@node.example/c.ttl")
        #expect(!endpoint.url.absoluteString.contains(Self.secret))
    }

    /// A node built in code (not read from nodes.toml) with userinfo in its endpoint: the run's
    /// endpoint and page reports are redacted.
    @Test func harvestOutcomesAndPageReportsNeverShowTheUserinfo() async throws {
        let node = NodeConfiguration(
            id: "node-a", name: "Node A", country: "ES",
            endpoint: .remote(try #require(URL(string: "https://harvester:\(Self.secret)@node.example/c.ttl"))))
        let fetcher = ScriptedFetcher([:])
        let outcome = await HarvestRunner(node: node, fetcher: fetcher).run()
        #expect(!outcome.endpoint.contains(Self.secret))
        #expect(!outcome.pages.isEmpty)
        for page in outcome.pages { #expect(!page.url.contains(Self.secret) && !"\(page.status)".contains(Self.secret)) }
        #expect(!String(describing: outcome.failure).contains(Self.secret))
        #expect(!fetcher.requestedURLs.joined().contains(Self.secret))
    }

    @Test func fetchErrorsNeverShowTheUserinfo() async throws {
        let server = FaultyHTTPServer()
        let base = try await server.start()
        var policy = HTTPFetchPolicy()
        policy.maxAttempts = 1
        let fetcher = HTTPFetcher(policy: policy)
        let withUserinfo = try #require(URL(string: base.absoluteString.replacingOccurrences(of: "http://", with: "http://harvester:\(Self.secret)@") + "/missing.ttl"))
        do {
            _ = try await fetcher.fetch(withUserinfo, validators: nil)
            Issue.record("expected a 404")
        } catch {
            #expect(!error.description.contains(Self.secret))
            #expect(!error.url.contains(Self.secret))
            #expect(error.description.contains("***@127.0.0.1"))
        }
        await fetcher.shutdown()
        try await server.stop()
    }

    @Test func aRedirectTargetWithUserinfoIsRedacted() async throws {
        let server = FaultyHTTPServer()
        let base = try await server.start()
        let target = base.absoluteString.replacingOccurrences(of: "http://", with: "http://harvester:\(Self.secret)@") + "/new.ttl"
        server.route("/old.ttl", .redirect(to: target))
        server.route("/new.ttl", .ok("moved"))
        let fetcher = HTTPFetcher()
        let page = try await fetcher.fetch(base.appendingPathComponent("old.ttl"), validators: nil)
        #expect(String(decoding: page.body, as: UTF8.self) == "moved")
        #expect(!page.finalURL.absoluteString.contains(Self.secret))
        #expect(page.finalURL.absoluteString.contains("***@127.0.0.1"))
        await fetcher.shutdown()
        try await server.stop()
    }
}
