import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CatalogueTesting
import CohortCounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Hub mode on loopback: two real node servers with subjects, one node that answers too late,
/// one that is down, and a hub whose federation file declares their count endpoints.
@Suite("A hub federates counts across nodes")
struct HubCountTests {
    /// A node catalogue whose subjects are in `dataset`: `women` women and 20 men with lung cancer on CT.
    static func node(_ dataset: DatasetKey, women: Int) throws -> (ServerFixture, String) {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        let rows = (0..<(women + 20)).map { number in "\(dataset.node)-\(number),\(number < women ? "F" : "M"),\(40 + number % 40),Lung cancer,CT,LUNG" }
        let file = fixture.folder.appendingPathComponent("subjects-\(dataset.node).csv")
        try (["subject,sex,age_at_diagnosis,diagnosis,modality,body_site"] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        _ = try engine.importSubjects(file, dataset: dataset)
        return (fixture, try engine.createToken(name: "hub", role: .researcher, expiresIn: nil).secret)
    }

    /// `nodes.toml` of the hub: each node's count endpoint, with a credential variable for the real ones.
    static func federation(in folder: URL, nodes: [(id: String, port: Int, variable: String?)], timeout: Int) throws -> URL {
        let tables = nodes.map { node in
            let credentials = node.variable.map { ", credentials = { env = \"\($0)\" }" } ?? ""
            return """
                [[node]]
                id = "\(node.id)"
                name = "Node \(node.id)"
                country = "NL"
                endpoint = "unused"
                counts = { endpoint = "http://127.0.0.1:\(node.port)/api/v1/counts"\(credentials), timeout = \(timeout) }
                """
        }
        let file = folder.appendingPathComponent("hub-nodes.toml")
        try tables.joined(separator: "\n\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// What a node answers for `slow-node/late-dataset`: a valid released answer, sent after `delay` seconds.
    static func lateNode(query: String, delay: Double) async throws -> (server: FaultyHTTPServer, port: Int) {
        let policy = String(decoding: try JSONEncoder().encode(CohortAnswer.Policy.current), as: UTF8.self)
        let answer = """
            {"query": "\(query)", "datasets": [{"dataset": {"node": "slow-node", "id": "late-dataset"}, "holder": "slow-node",
             "subjects": {"value": 50}}], "holders": [], "total": {"subjects": 50, "suppressedDatasets": 0}, "policy": \(policy)}
            """
        let server = FaultyHTTPServer()
        server.route("/api/v1/counts", .delayed(seconds: delay, then: .ok(answer, contentType: "application/json")))
        return (server, try await server.start().port!)
    }

    static func post(_ client: any TestClientProtocol, _ body: String, token: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/counts", method: .post, headers: .json(bearer: token), body: ByteBuffer(json: body))
    }

    @Test func theHubSumsWhatNodesReleasedAndReportsSlowAndDownNodesMissingNotZero() async throws {
        let (dutch, dutchToken) = try Self.node(DatasetKey(node: "nl-test", id: "ds-nsclc"), women: 60)
        let (spanish, spanishToken) = try Self.node(DatasetKey(node: "es-test", id: "ds-nsclc"), women: 4)
        let hub = try ServerFixture()
        let hubEngine = try hub.engine()
        let researcher = try hubEngine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let canonical = try hubEngine.canonicalCountQuery([("sex", "female"), ("cancerType", "icd10:C34")]).canonical
        let late = try await Self.lateNode(query: canonical, delay: 3)
        let downPort = try await FaultyHTTPServer.closedPort()
        setenv("HUB_TEST_NL_TOKEN", dutchToken, 1)
        setenv("HUB_TEST_ES_TOKEN", spanishToken, 1)
        let body = #"{"filters": {"cancerType": "icd10:C34", "sex": "female"}}"#
        try await dutch.withServer { dutchNode in
            let direct = try await Self.post(dutchNode, body, token: dutchToken).decoded(CohortAnswer.self)
            try await spanish.withServer { spanishNode in
                let nodesFile = try Self.federation(in: hub.folder, nodes: [
                    ("nl-test", dutchNode.port!, "HUB_TEST_NL_TOKEN"), ("es-test", spanishNode.port!, "HUB_TEST_ES_TOKEN"),
                    ("slow-node", late.port, nil), ("down-node", downPort, nil),
                ], timeout: 1)
                try await hub.withServer(nodesFile: nodesFile) { hubClient in
                    let started = ContinuousClock.now
                    let response = try await Self.post(hubClient, body, token: researcher)
                    #expect(ContinuousClock.now - started < .seconds(3), "the nodes are asked in parallel, each within its timeout")
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let answer = try response.decoded(CohortAnswer.self)
                    #expect(answer.query == canonical)
                    let statuses = Dictionary(uniqueKeysWithValues: (answer.nodes ?? []).map { ($0.node, $0) })
                    #expect(statuses["nl-test"]?.status == .answered && statuses["es-test"]?.status == .answered)
                    #expect(statuses["slow-node"]?.status == .missing)
                    #expect(statuses["slow-node"]?.reason?.contains("within 1 s") == true, "\(String(describing: statuses["slow-node"]))")
                    #expect(statuses["down-node"]?.status == .missing)
                    #expect(statuses["down-node"]?.reason?.contains("connection refused") == true, "\(String(describing: statuses["down-node"]))")
                    // Missing nodes contribute no dataset and no zero; the suppressed cell stays "<10".
                    #expect(answer.datasets.map(\.dataset.node) == ["es-test", "nl-test"])
                    let dutchValue = answer.datasets.first { $0.dataset.node == "nl-test" }?.subjects
                    #expect(dutchValue == direct.datasets.first?.subjects, "the hub passes the node's released value on, adding no noise")
                    #expect(answer.datasets.first { $0.dataset.node == "es-test" }?.subjects.isSuppressed == true)
                    #expect(answer.total.subjects == (dutchValue?.releasedValue ?? -1))
                    #expect(answer.total.suppressedDatasets == 1)
                    #expect(answer.total.missingNodes == 2)
                    #expect(!String(buffer: response.body).contains("\"value\":4") && !String(buffer: response.body).contains("\"value\": 4"))
                    // Asking again gives the same answer: nothing to average.
                    let again = try await Self.post(hubClient, body, token: researcher).decoded(CohortAnswer.self)
                    #expect(again == answer)
                    // The Beacon at the hub answers the same, naming the missing nodes.
                    let beacon = try await hubClient.execute(
                        uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: researcher),
                        body: ByteBuffer(json: #"{"query": {"requestedGranularity": "count", "filters": [{"id": "ICD10:C34"}, {"id": "NCIT:C16576"}]}}"#))
                    #expect(beacon.status == .ok, "\(String(buffer: beacon.body))")
                    #expect(BeaconAPITests.resultSets(beacon).compactMap { $0["id"] as? String } == ["nl-test/ds-nsclc"])
                    let info = beacon.object["info"] as? [String: Any]
                    #expect(info?["missingNodes"] as? Int == 2 && info?["suppressedDatasets"] as? Int == 1, "\(String(describing: info))")
                }
            }
        }
        try await late.server.stop()
    }

    @Test func aNodeThatAnswersInTimeIsCountedAndOneThatForgesAValueIsMissing() async throws {
        let hub = try ServerFixture()
        let hubEngine = try hub.engine()
        let researcher = try hubEngine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let canonical = try hubEngine.canonicalCountQuery([("sex", "female")]).canonical
        let prompt = try await Self.lateNode(query: canonical, delay: 0.1)
        let forger = FaultyHTTPServer()
        let policy = String(decoding: try JSONEncoder().encode(CohortAnswer.Policy.current), as: UTF8.self)
        forger.route("/api/v1/counts", .ok("""
            {"query": "\(canonical)", "datasets": [{"dataset": {"node": "forger", "id": "d"}, "holder": "forger",
             "subjects": {"value": 7}}], "holders": [], "total": {"subjects": 7, "suppressedDatasets": 0}, "policy": \(policy)}
            """, contentType: "application/json"))
        let thief = FaultyHTTPServer()
        thief.route("/api/v1/counts", .ok("""
            {"query": "\(canonical)", "datasets": [{"dataset": {"node": "slow-node", "id": "late-dataset"}, "holder": "thief",
             "subjects": {"value": 90}}], "holders": [], "total": {"subjects": 90, "suppressedDatasets": 0}, "policy": \(policy)}
            """, contentType: "application/json"))
        let refuser = FaultyHTTPServer()
        refuser.route("/api/v1/counts", .status(429, retryAfter: "30"))
        let ports = try await [forger, thief, refuser].asyncMap { try await $0.start().port! }
        let nodesFile = try Self.federation(in: hub.folder, nodes: [
            ("slow-node", prompt.port, nil), ("forger", ports[0], nil), ("thief", ports[1], nil), ("refuser", ports[2], nil),
        ], timeout: 5)
        try await hub.withServer(nodesFile: nodesFile) { hubClient in
            let answer = try await Self.post(hubClient, #"{"filters": {"sex": "F"}}"#, token: researcher).decoded(CohortAnswer.self)
            let statuses = Dictionary(uniqueKeysWithValues: (answer.nodes ?? []).map { ($0.node, $0) })
            #expect(statuses["slow-node"]?.status == .answered)
            #expect(answer.datasets.map(\.dataset) == [DatasetKey(node: "slow-node", id: "late-dataset")])
            #expect(statuses["forger"]?.reason?.contains("not a count answer") == true, "\(String(describing: statuses["forger"]))")
            #expect(statuses["thief"]?.reason?.contains("of another node") == true, "\(String(describing: statuses["thief"]))")
            #expect(statuses["refuser"]?.reason?.contains("HTTP 429") == true, "\(String(describing: statuses["refuser"]))")
            #expect(answer.total.subjects == 50 && answer.total.missingNodes == 3)
        }
        for server in [prompt.server, forger, thief, refuser] { try await server.stop() }
    }

    @Test func aNodeKeepsOneBudgetPerResearcherOfATrustedHubAndIgnoresTheHeaderOfOthers() async throws {
        let (dutch, hubToken) = try Self.node(DatasetKey(node: "nl-test", id: "ds-nsclc"), women: 60)
        let eve = try dutch.engine().createToken(name: "eve", role: .researcher, expiresIn: nil).secret
        let hub = try ServerFixture()
        let hubEngine = try hub.engine()
        let ana = try hubEngine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let ben = try hubEngine.createToken(name: "ben", role: .researcher, expiresIn: nil).secret
        setenv("HUB_TEST_TRUSTED_TOKEN", hubToken, 1)
        let body = #"{"filters": {"sex": "female"}}"#
        try await dutch.withServer(adjust: { $0.countLimits = .init(perMinute: 2, perDay: 10); $0.trustedHubs = ["hub"] }) { node in
            let nodesFile = try Self.federation(in: hub.folder, nodes: [("nl-test", node.port!, "HUB_TEST_TRUSTED_TOKEN")], timeout: 5)
            try await hub.withServer(nodesFile: nodesFile) { hubClient in
                for _ in 0..<2 {
                    let answer = try await Self.post(hubClient, body, token: ana).decoded(CohortAnswer.self)
                    #expect(answer.nodes?.first?.status == .answered)
                }
                let third = try await Self.post(hubClient, body, token: ana).decoded(CohortAnswer.self)
                #expect(third.nodes?.first?.reason?.contains("HTTP 429") == true, "\(String(describing: third.nodes))")
                #expect(third.datasets.isEmpty && third.total.missingNodes == 1)
                let other = try await Self.post(hubClient, body, token: ben).decoded(CohortAnswer.self)
                #expect(other.nodes?.first?.status == .answered, "another researcher of the hub has a budget of their own")
            }
            var headers = HTTPFields.json(bearer: eve)
            for name in ["x", "y", "z"] {
                headers[HTTPField.Name(HubCounter.onBehalfOfHeader)!] = name
                let response = try await node.execute(uri: "/api/v1/counts", method: .post, headers: headers, body: ByteBuffer(json: body))
                #expect(response.status == (name == "z" ? .tooManyRequests : .ok), "an untrusted caller's header buys no fresh budget")
            }
        }
    }

    @Test func theHubRefusesAQueryOutsideTheLanguageBeforeAskingAnyNode() async throws {
        let hub = try ServerFixture()
        let researcher = try hub.engine().createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let watcher = FaultyHTTPServer()
        watcher.route("/api/v1/counts", .status(500))
        let port = try await watcher.start().port!
        let nodesFile = try Self.federation(in: hub.folder, nodes: [("watched", port, nil)], timeout: 2)
        try await hub.withServer(nodesFile: nodesFile) { hubClient in
            for body in [#"{"filters": {"sex": "!female"}}"#, #"{"filters": {"age": "45-64"}}"#, #"{"filters": {"subject": "P-1"}}"#] {
                let response = try await Self.post(hubClient, body, token: researcher)
                #expect(response.status == .badRequest, "\(body)")
            }
        }
        #expect(watcher.requests.isEmpty)
        try await watcher.stop()
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
