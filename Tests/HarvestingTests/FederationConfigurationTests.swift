import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

@Suite struct FederationConfigurationTests {
    /// Writes `text` as nodes.toml in a fresh folder (with a mappings/ file) and loads it.
    private func load(_ text: String) throws -> FederationConfiguration {
        let folder = try ProjectPaths.temporaryDirectory("nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mappings"), withIntermediateDirectories: true)
        try "{}".write(to: folder.appendingPathComponent("mappings/api.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("nodes.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try FederationConfiguration.load(from: file)
    }

    private func refusal(_ text: String) -> FederationConfigurationError? {
        do {
            _ = try load(text)
            return nil
        } catch let error as FederationConfigurationError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    private static let valid = """
        [[node]]
        id = "es-upv"
        name = "UPV"
        country = "ES"
        endpoint = "https://fdp.upv.example/catalogue.ttl"

        [[node]]
        id = "local-demo"
        name = "Local"
        country = "DE"
        endpoint = "demo/local"
        protocol = "fdp"
        max_page_bytes = 1024

        [[node]]
        id = "api-node"
        name = "API"
        country = "IT"
        endpoint = "http://api.example/v1/collections"
        protocol = "json"
        mapping = "mappings/api.json"
        paging = "page-parameter"
        credentials = { env = "API_NODE_TOKEN", scheme = "basic" }
        counts = { endpoint = "https://api.example/api/v1/counts", credentials = { env = "API_COUNT_TOKEN" }, timeout = 4 }
        """

    @Test func readsEveryDeclaredNode() throws {
        let configuration = try load(Self.valid)
        #expect(configuration.nodes.map(\.id) == ["es-upv", "local-demo", "api-node"])
        let remote = try #require(configuration.node("es-upv"))
        #expect(remote.endpoint == .remote(URL(string: "https://fdp.upv.example/catalogue.ttl")!))
        #expect(remote.harvestProtocol == .dcat && remote.paging == .hydra)
        #expect(remote.maxPageBytes == 50 * 1024 * 1024)
        let local = try #require(configuration.node("local-demo"))
        guard case .local(let path) = local.endpoint else { Issue.record("expected a local endpoint"); return }
        #expect(path.path.hasSuffix("/demo/local"))
        #expect(local.harvestProtocol == .fdp && local.maxPageBytes == 1024)
        let api = try #require(configuration.node("api-node"))
        #expect(api.credentials == NodeCredentials(environmentVariable: "API_NODE_TOKEN", scheme: .basic))
        #expect(api.mapping?.lastPathComponent == "api.json")
        #expect(api.paging == .pageParameter)
    }

    @Test func selectsNodesByIdAndRefusesAnUnknownOne() throws {
        let configuration = try load(Self.valid)
        #expect(try configuration.select(["api-node"]).map(\.id) == ["api-node"])
        #expect(try configuration.select([]).count == 3)
        #expect(throws: HarvestError.unknownNode("nope", known: ["es-upv", "local-demo", "api-node"])) {
            try configuration.select(["nope"])
        }
    }

    @Test func reportsTOMLSyntaxErrorsWithLineAndColumn() {
        let error = refusal("[[node]]\nid = \"a\"\nname = \n")
        #expect(error?.line == 3)
        #expect(error?.column != nil)
        #expect(error?.description.hasPrefix("nodes.toml:3:") == true)
    }

    @Test func refusesAnUnknownKeyNamingNodeAndKey() {
        let error = refusal(Self.valid.replacingOccurrences(of: "max_page_bytes = 1024", with: "max_page_size = 1024"))
        #expect(error?.node == "node #2 'local-demo'")
        #expect(error?.key == "max_page_size")
    }

    @Test(arguments: [
        ("country = \"ES\"", "country = \"Spain\"", "country"),
        ("endpoint = \"https://fdp.upv.example/catalogue.ttl\"", "endpoint = \"ftp://fdp.upv.example/x\"", "endpoint"),
        ("id = \"es-upv\"", "id = \"es upv\"", "id"),
        ("endpoint = \"https://fdp.upv.example/catalogue.ttl\"", "endpoint = \"https://fdp.upv.example/x\"\nprotocol = \"oai\"", "protocol"),
        ("mapping = \"mappings/api.json\"", "mapping = \"mappings/missing.json\"", "mapping"),
        ("mapping = \"mappings/api.json\"", "", "mapping"),
        ("scheme = \"basic\"", "scheme = \"digest\"", "credentials.scheme"),
        ("env = \"API_NODE_TOKEN\"", "env = \"s3cr3t-t0ken!\"", "credentials.env"),
        ("max_page_bytes = 1024", "max_page_bytes = -5", "max_page_bytes"),
        ("name = \"UPV\"\n", "", "name"),
    ])
    func refusesAnInvalidValueNamingItsKey(valid: String, invalid: String, key: String) {
        let error = refusal(Self.valid.replacingOccurrences(of: valid, with: invalid))
        #expect(error?.key == key, "\(String(describing: error))")
    }

    @Test func readsANodesCountEndpointAndLeavesItOutElsewhere() throws {
        let configuration = try load(Self.valid)
        let counts = try #require(configuration.node("api-node")?.counts)
        #expect(counts.url == URL(string: "https://api.example/api/v1/counts")!)
        #expect(counts.credentials == NodeCredentials(environmentVariable: "API_COUNT_TOKEN", scheme: .bearer))
        #expect(counts.timeout == .seconds(4))
        #expect(configuration.node("es-upv")?.counts == nil)
    }

    @Test(arguments: [
        ("timeout = 4", "timeout = 0", "counts.timeout"),
        ("timeout = 4", "timeout = 500", "counts.timeout"),
        ("timeout = 4", "timeout = \"4s\"", "counts.timeout"),
        ("timeout = 4", "retries = 2", "counts.retries"),
        ("\"https://api.example/api/v1/counts\"", "\"https://hub:pw@api.example/api/v1/counts\"", "counts.endpoint"),
        ("\"https://api.example/api/v1/counts\"", "\"file:///tmp/counts\"", "counts.endpoint"),
        ("{ env = \"API_COUNT_TOKEN\" }", "{ env = \"hunter2!\" }", "counts.credentials.env"),
        ("{ env = \"API_COUNT_TOKEN\" }", "\"API_COUNT_TOKEN\"", "counts.credentials"),
    ])
    func refusesABadCountEndpointNamingItsKey(valid: String, invalid: String, key: String) {
        let error = refusal(Self.valid.replacingOccurrences(of: valid, with: invalid))
        #expect(error?.key == key, "\(String(describing: error))")
        #expect(error?.description.contains("hub:pw") == false)
    }

    @Test func refusesTwoNodesWithOneId() {
        let error = refusal(Self.valid.replacingOccurrences(of: "id = \"api-node\"", with: "id = \"es-upv\""))
        #expect(error?.key == "id")
        #expect(error?.message.contains("declared twice") == true)
    }

    @Test func buildsTheAuthorizationHeaderFromTheEnvironmentOnly() throws {
        let basic = NodeCredentials(environmentVariable: "TOKEN", scheme: .basic)
        #expect(try basic.authorizationHeader(node: "n", environment: ["TOKEN": "user:pw"]) == "Basic dXNlcjpwdw==")
        let bearer = NodeCredentials(environmentVariable: "TOKEN")
        #expect(try bearer.authorizationHeader(node: "n", environment: ["TOKEN": "abc"]) == "Bearer abc")
        #expect(throws: HarvestError.missingCredentials(node: "n", variable: "TOKEN")) {
            try bearer.authorizationHeader(node: "n", environment: [:])
        }
    }
}
