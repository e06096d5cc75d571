import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Harvesting
import Testing

/// A run is complete only when it is plausibly complete: each way a broken node used to pass as
/// an empty catalogue (and withdraw its datasets) now fails the page or holds the run, and the
/// node's records stay exactly as they were until an operator accepts the withdrawals.
@Suite struct PlausibleHarvestTests {
    static let base = "https://node.example"

    /// A catalogue with the four datasets of a scripted remote DCAT node (two pages) harvested.
    private struct Primed {
        let folder: URL
        let catalogue: CatalogueService
        let fetcher: ScriptedFetcher
        var node = NodeConfiguration(
            id: "web-node", name: "Web node", country: "ES", endpoint: .remote(URL(string: PlausibleHarvestTests.base + "/catalogue.ttl")!))
        let before: [DatasetView]

        init() async throws {
            folder = try ProjectPaths.temporaryDirectory("plausible")
            catalogue = try CatalogueService.open(CatalogueConfiguration(
                home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
            fetcher = ScriptedFetcher([:])
            Self.serve(PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2), on: fetcher)
            let first = try await catalogue.harvest(node, fetcher: fetcher)
            #expect(first.run.status == .complete && first.run.new == 4)
            before = try catalogue.datasets()
        }

        static func serve(_ paged: PagedCatalogue, on fetcher: ScriptedFetcher) {
            for number in 1...paged.pageCount {
                fetcher.set(PlausibleHarvestTests.base + paged.pagePath(number), [.page(paged.page(number, baseURL: PlausibleHarvestTests.base))])
            }
        }

        func harvest(accepting run: Int64? = nil) async throws -> HarvestReport {
            try await catalogue.harvest(node, fetcher: fetcher, acceptWithdrawals: run)
        }

        func expectUnchanged(_ report: HarvestReport, _ status: HarvestRun.Status, mentioning text: String) throws {
            #expect(report.run.status == status)
            #expect(report.run.error?.contains(text) == true, "error was: \(report.run.error ?? "none")")
            #expect(try catalogue.datasets() == before)
            #expect(try catalogue.search(SearchQuery(filters: ["node=web-node"])).total == 4)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let maintenancePage = """
        <!DOCTYPE html>
        <html><head><title>Down for maintenance</title></head><body><p>Back soon.</p></body></html>
        """

    @Test func anHTMLMaintenancePageWithStatus200FailsTheRunAndKeepsTheRecords() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        primed.fetcher.set(Self.base + "/catalogue.ttl", [.page(Self.maintenancePage, contentType: nil)])
        try primed.expectUnchanged(try await primed.harvest(), .failed, mentioning: "an HTML page")
    }

    @Test func anHTMLPageWithAnRDFMediaTypeIsStillRefused() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        primed.fetcher.set(Self.base + "/catalogue.ttl", [.page("<?xml version=\"1.0\"?>\n" + Self.maintenancePage, contentType: "application/rdf+xml")])
        try primed.expectUnchanged(try await primed.harvest(), .failed, mentioning: "an HTML page")
    }

    @Test func aHydraPageTwoThatIsHTMLFailsTheRunAndKeepsTheRecords() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        primed.fetcher.set(Self.base + "/catalogue.ttl?page=2", [.page(Self.maintenancePage, contentType: "text/html; charset=utf-8")])
        try primed.expectUnchanged(try await primed.harvest(), .failed, mentioning: "Content-Type text/html")
    }

    @Test func aJSONErrorObjectOnAJSONLDNodeFailsTheRunAndKeepsTheRecords() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        primed.fetcher.set(Self.base + "/catalogue.ttl", [.page(#"{"error": "service unavailable", "status": 503}"#, contentType: "application/json")])
        try primed.expectUnchanged(try await primed.harvest(), .failed, mentioning: "holds no RDF statement")
    }

    @Test func aRunThatWouldWithdrawMoreThanTheShareIsHeldUntilAccepted() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        Primed.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(4).prefix(1)), pageSize: 2), on: primed.fetcher)
        let held = try await primed.harvest()
        try primed.expectUnchanged(held, .held, mentioning: "withdraw 3 of the node's 4 datasets (75 %), more than its max_withdraw of 50 %")
        let runs = try primed.catalogue.harvestRuns(node: "web-node")
        #expect(runs.first?.status == .held && runs.first?.id == held.run.id)

        let accepted = try await primed.harvest(accepting: held.run.id)
        #expect(accepted.run.status == .complete && accepted.run.withdrawn == 3)
        #expect(try primed.catalogue.datasets().map(\.id) == ["ds-1"])
        #expect(try primed.catalogue.search(SearchQuery(filters: ["node=web-node"])).total == 1)
    }

    @Test func acceptingIsRefusedWhenTheNodeNowWithdrawsMoreThanTheHeldRun() async throws {
        var primed = try await Primed()
        defer { primed.remove() }
        primed.node.maxWithdraw = 0.25
        Primed.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(4).prefix(2)), pageSize: 2), on: primed.fetcher)
        let held = try await primed.harvest()
        #expect(held.run.status == .held)
        Primed.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(4).prefix(1)), pageSize: 2), on: primed.fetcher)
        await #expect(throws: CatalogueEngineError.self) { try await primed.harvest(accepting: held.run.id) }
        #expect(try primed.catalogue.datasets() == primed.before)
        await #expect(throws: CatalogueEngineError.self) { try await primed.harvest(accepting: held.run.id + 100) }
    }

    @Test func aWithdrawalWithinTheShareIsApplied() async throws {
        let primed = try await Primed()
        defer { primed.remove() }
        Primed.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(4).prefix(2)), pageSize: 2), on: primed.fetcher)
        let report = try await primed.harvest()
        #expect(report.run.status == .complete && report.run.withdrawn == 2)
    }
}

/// The same guard on local folders and custom XML APIs, where a broken node parses cleanly.
@Suite struct PlausibleLocalHarvestTests {
    private struct LocalNode {
        let folder: URL
        let pages: URL
        let catalogue: CatalogueService
        var node: NodeConfiguration

        init(protocol harvestProtocol: HarvestProtocol, mapping: String? = nil) throws {
            folder = try ProjectPaths.temporaryDirectory("plausible-local")
            pages = folder.appendingPathComponent("pages")
            try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
            catalogue = try CatalogueService.open(CatalogueConfiguration(
                home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
            node = NodeConfiguration(
                id: "local-node", name: "Local node", country: "DE", endpoint: .local(pages), harvestProtocol: harvestProtocol,
                mapping: mapping.map { ProjectPaths.project("Harvesters/mappings/\($0)") })
        }

        func write(_ text: String, as name: String) throws {
            try text.write(to: pages.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func empty() throws {
            for file in try FileManager.default.contentsOfDirectory(at: pages, includingPropertiesForKeys: nil) {
                try FileManager.default.removeItem(at: file)
            }
        }

        func harvest(accepting run: Int64? = nil) async throws -> HarvestReport {
            try await catalogue.harvest(node, acceptWithdrawals: run)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static let xnatPage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <px:projects xmlns:px="https://xnat.example.org/ns/project-export" total="2">
          <px:project id="LIVER-CT"><px:title xml:lang="en">Liver CT</px:title><px:diagnosis code="C22.0"/></px:project>
          <px:project id="LUNG-CT"><px:title xml:lang="en">Lung CT</px:title><px:diagnosis code="C34"/></px:project>
        </px:projects>
        """

    @Test func aFolderThatIsSuddenlyEmptyIsHeldAndAcceptingWithdrawsEverything() async throws {
        let local = try LocalNode(protocol: .dcat)
        defer { local.remove() }
        try local.write(PagedCatalogue(datasets: PagedCatalogue.numbered(3), pageSize: 3).page(1, baseURL: "https://local.example"), as: "page-1.ttl")
        #expect(try await local.harvest().run.status == .complete)
        try local.empty()
        let held = try await local.harvest()
        #expect(held.run.status == .held)
        #expect(held.run.error?.contains("listed no dataset, but 3 of its datasets are in the catalogue") == true)
        #expect(try local.catalogue.datasets().count == 3)
        let accepted = try await local.harvest(accepting: held.run.id)
        #expect(accepted.run.status == .complete && accepted.run.withdrawn == 3)
        #expect(try local.catalogue.datasets().isEmpty)
    }

    @Test func anXMLErrorDocumentForAnXMLMappingIsHeld() async throws {
        let local = try LocalNode(protocol: .xml, mapping: "xnat-project-export.json")
        defer { local.remove() }
        try local.write(Self.xnatPage, as: "projects.xml")
        #expect(try await local.harvest().run.status == .complete)
        try local.write("<?xml version=\"1.0\"?>\n<error><code>503</code><message>maintenance</message></error>", as: "projects.xml")
        let held = try await local.harvest()
        #expect(held.run.status == .held)
        #expect(try local.catalogue.datasets().map(\.id).sorted() == ["LIVER-CT", "LUNG-CT"])
    }

    @Test func anXMLMappingWhoseNamespaceNoLongerMatchesIsHeld() async throws {
        let local = try LocalNode(protocol: .xml, mapping: "xnat-project-export.json")
        defer { local.remove() }
        try local.write(Self.xnatPage, as: "projects.xml")
        #expect(try await local.harvest().run.status == .complete)
        try local.write(Self.xnatPage.replacingOccurrences(of: "ns/project-export", with: "ns/project-export/v2"), as: "projects.xml")
        let held = try await local.harvest()
        #expect(held.run.status == .held)
        #expect(try local.catalogue.search(SearchQuery(filters: ["node=local-node"])).total == 2)
    }

    @Test func aNewNodeWithNoDatasetsIsComplete() async throws {
        let local = try LocalNode(protocol: .dcat)
        defer { local.remove() }
        #expect(try await local.harvest().run.status == .complete)
    }
}
