import CatalogueTesting
import Foundation
import Testing

/// `catalogue harvest` and `catalogue harvest runs` as an operator runs them.
@Suite struct HarvestCommandTests {
    let home: CLIHome
    var folder: URL { home.folder }

    init() throws { home = try CLIHome("cli-harvest") }

    private func run(_ arguments: String...) throws -> CatalogueBinary.Run { try home.run(arguments) }

    /// A federation of two local nodes: one good folder, and one whose folder is missing.
    private func writeFederation(brokenSecondNode: Bool) throws -> URL {
        let pages = folder.appendingPathComponent("good")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        _ = try FixtureDataset.write(PagedCatalogue.numbered(3), named: "page-1.ttl", in: pages)
        let file = folder.appendingPathComponent("nodes.toml")
        let second = brokenSecondNode ? "missing" : "good"
        try """
            [[node]]
            id = "good-node"
            name = "Good"
            country = "FR"
            endpoint = "good"

            [[node]]
            id = "other-node"
            name = "Other"
            country = "BE"
            endpoint = "\(second)/page-1.ttl"
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func harvestsTheDemoFederationFromNodesToml() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("harvest", "--nodes", ProjectPaths.project("Harvesters/nodes.toml").path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("es-valencia-upv: complete, 1 page, 10 listed: 10 new"))
        #expect(result.standardOutput.contains("gr-forth: complete, 1 page, 8 listed: 8 new, 0 updated, 0 unchanged, 0 withdrawn, 1 record failed."))
        #expect(result.standardError.contains("warning: gr-forth: unusableDataset"))
        #expect(result.standardOutput.contains("pt-porto-pacs: complete, 2 pages, 5 listed: 5 new"))
        let runs = try run("harvest", "runs", "--json")
        let list = try #require(JSONSerialization.jsonObject(with: Data(runs.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.count == 6)
        #expect(list.first?["node"] as? String == "pt-porto-pacs")
        #expect(list.allSatisfy { $0["status"] as? String == "complete" })
    }

    @Test func oneFailingNodeDoesNotStopTheOthersAndExitsOne() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try writeFederation(brokenSecondNode: true)
        let result = try run("harvest", "--nodes", nodes.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("good-node: complete, 1 page, 3 listed: 3 new"))
        #expect(result.standardOutput.contains("other-node: failed"))
        #expect(result.standardOutput.contains("missing/page-1.ttl: no such file"))
        let table = try run("harvest", "runs", "--node", "other-node")
        #expect(table.standardOutput.contains("failed"))
    }

    @Test func harvestsOnlyTheNamedNodes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try writeFederation(brokenSecondNode: false)
        let result = try run("harvest", "--nodes", nodes.path, "--node", "other-node", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        let reports = try #require(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(reports.count == 1)
        let run = try #require(reports.first?["run"] as? [String: Any])
        #expect(run["node"] as? String == "other-node")
        #expect(run["new"] as? Int == 3)
    }

    @Test func anInvalidFederationFileIsRefusedWithFileLineAndKey() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try "[[node]]\nid = \"x\"\nname = \"X\"\ncountry = \"FRA\"\nendpoint = \"x\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try run("harvest", "--nodes", file.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("nodes.toml, node #1 'x', key 'country'"))
        try "[[node]\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try run("harvest", "--nodes", file.path).standardError.contains("nodes.toml:1:"))
    }

    @Test func anUnknownNodeIsRefusedNamingTheKnownOnes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = try writeFederation(brokenSecondNode: false)
        let result = try run("harvest", "--nodes", nodes.path, "--node", "nobody")
        #expect(result.status == 1)
        #expect(result.standardError.contains("no node 'nobody'"))
        #expect(result.standardError.contains("good-node, other-node"))
        #expect(try run("harvest", "--node", "bad id!").status == 64)
    }
}
