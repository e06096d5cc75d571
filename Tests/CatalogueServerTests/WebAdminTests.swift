import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The admin's pages: the nodes with their last runs, starting a harvest and following its job.
@Suite("Web pages: admin")
struct WebAdminTests {
    @Test func anAdminStartsAHarvestFromThePageAndFollowsItsJobToItsRun() async throws {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        let admin = try engine.createToken(name: "ops", role: .admin, expiresIn: nil).secret
        let curator = try engine.createToken(name: "maria", role: .curator, expiresIn: nil).secret
        let nodes = try fixture.writeFederation()
        try await fixture.withServer(nodesFile: nodes) { client in
            let cookie: HTTPFields = [.cookie: "catalogue_session=\(admin)"]
            let page = String(buffer: try await client.execute(uri: "/admin", method: .get, headers: cookie).body)
            #expect(page.contains("<strong>harvested-node</strong>") && page.contains("never harvested"), "\(page)")
            let csrf = try #require(WebCuratorTests.field("csrf", in: page))
            let refused = try await WebCuratorTests.post(client, "/admin/harvest", [("node", "harvested-node")], secret: admin)
            #expect(refused.status == .forbidden)
            let notAdmin = try await WebCuratorTests.post(client, "/admin/harvest", [("csrf", csrf), ("node", "harvested-node")], secret: curator)
            #expect(notAdmin.status == .forbidden)
            let started = try await WebCuratorTests.post(client, "/admin/harvest", [("csrf", csrf), ("node", "harvested-node")], secret: admin)
            #expect(started.status == .seeOther)
            let job = try #require(started.headers[.location])
            #expect(job.hasPrefix("/admin/jobs/"))
            var status = ""
            for _ in 0..<100 {
                status = String(buffer: try await client.execute(uri: job, method: .get, headers: cookie).body)
                if status.contains(#"data-running="false""#) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status.contains("finished · harvested-node · started by ops"), "\(status)")
            #expect(status.contains("harvested-node: complete · 1 new"))
            let after = String(buffer: try await client.execute(uri: "/admin", method: .get, headers: cookie).body)
            #expect(after.contains("complete · <time"))
            let run = try #require(try fixture.engine().harvestRuns(node: "harvested-node", limit: 1).first)
            let warnings = try await client.execute(uri: "/admin/runs/\(run.id)", method: .get, headers: cookie)
            #expect(warnings.status == .ok)
            #expect(try await client.execute(uri: "/admin", method: .get, headers: [.cookie: "catalogue_session=\(curator)"]).status == .forbidden)
        }
    }
}
