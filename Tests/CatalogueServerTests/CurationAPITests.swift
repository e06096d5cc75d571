import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Curation and harvests over the API")
struct CurationAPITests {
    @Test func aCuratorsEditIsAuthoredByTheTokenAndSearchableAtOnce() async throws {
        let fixture = try ServerFixture()
        let secret = try fixture.engine().createToken(name: "maria", role: .curator, expiresIn: nil).secret
        try await fixture.withServer { client in
            let before = try await client.execute(uri: "/api/v1/datasets?q=Pulmokarzinom", method: .get).decoded(SearchResponse.self)
            #expect(before.total == 0)
            let edit = try await client.execute(
                uri: "/api/v1/vocabularies/changes", method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "add-label", "concept": "ct:nsclc", "label": {"value": "Pulmokarzinom", "language": "de"}, "reason": "German label"}"#))
            #expect(edit.status == .created)
            let report = try edit.decoded(VocabularyEditReport.self)
            let after = try await client.execute(uri: "/api/v1/datasets?q=Pulmokarzinom", method: .get).decoded(SearchResponse.self)
            #expect(after.total == 1)
            let history = try await client.execute(uri: "/api/v1/vocabularies/changes?limit=1", method: .get, headers: .bearer(secret))
            let latest = try #require(try history.decoded([VocabularyChangeRecord].self).first)
            #expect(latest.id == report.change && latest.author == "maria" && latest.reason == "German label")
            let undo = try await client.execute(
                uri: "/api/v1/vocabularies/changes/\(report.change)/undo", method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"reason": "wrong concept"}"#))
            #expect(undo.status == .created)
            #expect(try await client.execute(uri: "/api/v1/datasets?q=Pulmokarzinom", method: .get).decoded(SearchResponse.self).total == 0)
        }
    }

    @Test func aRefusedEditIs409AndChangesNothing() async throws {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        let secret = try engine.createToken(name: "maria", role: .curator, expiresIn: nil).secret
        let changes = try engine.vocabularyHistory().count
        try await fixture.withServer { client in
            let refused = try await client.execute(
                uri: "/api/v1/vocabularies/changes", method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "add-label", "concept": "ct:nsclc", "label": {"value": "Krebs", "language": "de_DE"}, "reason": "typo"}"#))
            #expect(refused.status == .conflict)
            #expect((refused.object["detail"] as? String)?.contains("de_de") == true, "\(refused.object)")
            let unknown = try await client.execute(
                uri: "/api/v1/vocabularies/changes", method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"op": "deprecate", "concept": "ct:no-such-concept", "reason": "x"}"#))
            #expect(unknown.status == .notFound)
        }
        #expect(try fixture.engine().vocabularyHistory().count == changes)
    }

    @Test func anAdminsHarvestAnswers202ThenTheJobShowsItsRunAndTheDatasetsAreSearchable() async throws {
        let fixture = try ServerFixture()
        let nodes = try fixture.writeFederation()
        let secret = try fixture.engine().createToken(name: "ops", role: .admin, expiresIn: nil).secret
        try await fixture.withServer(nodesFile: nodes) { client in
            let started = try await client.execute(
                uri: "/api/v1/harvests", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: #"{"nodes": ["harvested-node"]}"#))
            #expect(started.status == .accepted)
            let location = try #require(started.headers[.location])
            var job = try started.decoded(HarvestJobView.self)
            for _ in 0..<100 where job.status != "finished" {
                try await Task.sleep(for: .milliseconds(100))
                job = try await client.execute(uri: location, method: .get, headers: .bearer(secret)).decoded(HarvestJobView.self)
            }
            #expect(job.status == "finished" && job.requestedBy == "ops")
            #expect(job.runs.map(\.status) == [.complete])
            let found = try await client.execute(uri: "/api/v1/datasets?node=harvested-node", method: .get).decoded(SearchResponse.self)
            #expect(found.datasets.map(\.id) == ["ds-harvested"])
            let unknown = try await client.execute(
                uri: "/api/v1/harvests", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: #"{"nodes": ["no-such-node"]}"#))
            #expect(unknown.status == .badRequest)
        }
    }

    /// The job resource as a client reads it.
    struct HarvestJobView: Decodable {
        var id: Int
        var status: String
        var requestedBy: String
        var runs: [HarvestRun]
    }
}

@Suite("Harvest schedule")
struct HarvestScheduleTests {
    @Test func aScheduledNodeThatNeverRanIsHarvestedByTheServerItself() async throws {
        let fixture = try ServerFixture()
        let nodes = try fixture.writeFederation(schedule: "every 6h")
        try await fixture.withServer(nodesFile: nodes, adjust: { $0.scheduleTick = .milliseconds(100) }) { client in
            var total = 0
            for _ in 0..<200 where total == 0 {
                try await Task.sleep(for: .milliseconds(100))
                // 400 (no such node) until the first run has stored the node.
                let response = try await client.execute(uri: "/api/v1/datasets?node=harvested-node", method: .get)
                if response.status == .ok { total = try response.decoded(SearchResponse.self).total }
            }
            #expect(total == 1)
            let runs = try await client.execute(uri: "/api/v1/harvests?node=harvested-node", method: .get).decoded([HarvestRun].self)
            // Due again only in six hours: one run, however many ticks passed.
            try await Task.sleep(for: .milliseconds(500))
            let later = try await client.execute(uri: "/api/v1/harvests?node=harvested-node", method: .get).decoded([HarvestRun].self)
            #expect(runs.count == 1 && later.count == 1)
        }
    }
}
