import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Harvesting
import Testing

/// Whole harvests over HTTP from a loopback node that misbehaves on purpose: each fault ends in a
/// complete run, or in a recorded failed/partial run that leaves the node's records as they were.
@Suite struct FaultyNodeHarvestTests {
    private final class Setup: @unchecked Sendable {
        let folder: URL
        let catalogue: CatalogueService
        let server = FaultyHTTPServer()
        var base: URL!
        var policy = HTTPFetchPolicy()

        init() async throws {
            folder = try ProjectPaths.temporaryDirectory("faulty-node")
            catalogue = try CatalogueService.open(CatalogueConfiguration(
                home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
            base = try await server.start()
            // Generous: the suite runs beside the crash test on two cores. Tests of timeouts set their own.
            policy.requestTimeout = .seconds(5)
            policy.maxAttempts = 2
            policy.sleep = { _ in }
        }

        var node: NodeConfiguration {
            NodeConfiguration(id: "http-node", name: "HTTP node", country: "PT", endpoint: .remote(base.appendingPathComponent("catalogue.ttl")))
        }

        func serve(_ catalogue: PagedCatalogue) {
            for number in 1...catalogue.pageCount {
                server.route(catalogue.pagePath(number), .ok(catalogue.page(number, baseURL: base.absoluteString)))
            }
        }

        func harvest(maxPageBytes: Int? = nil) async throws -> HarvestReport {
            var node = node
            if let maxPageBytes { node.maxPageBytes = maxPageBytes }
            return try await catalogue.harvest(node, policy: policy)
        }

        func stored() throws -> [DatasetView] { try catalogue.datasets() }

        func tearDown() async throws {
            try await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Harvests six datasets on three pages once, so the faults below have records to protect.
    private func primed() async throws -> (Setup, [DatasetView]) {
        let setup = try await Setup()
        setup.serve(PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2))
        let first = try await setup.harvest()
        #expect(first.run.status == .complete && first.run.new == 6)
        return (setup, try setup.stored())
    }

    @Test func aPageThatFailsOnceThenSucceedsCompletesTheRun() async throws {
        let setup = try await Setup()
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        setup.serve(catalogue)
        setup.server.route(catalogue.pagePath(2), [.status(500), .ok(catalogue.page(2, baseURL: setup.base.absoluteString))])
        let report = try await setup.harvest()
        #expect(report.run.status == .complete && report.run.new == 6)
        #expect(setup.server.requests(to: catalogue.pagePath(2)).count == 2)
        try await setup.tearDown()
    }

    @Test func aNextLinkLoopStopsThePartialRunAndKeepsTheRecords() async throws {
        let (setup, before) = try await primed()
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2)
        setup.serve(catalogue)
        setup.server.route(catalogue.pagePath(2), .ok(catalogue.page(2, baseURL: setup.base.absoluteString, nextPath: catalogue.pagePath(1))))
        let report = try await setup.harvest()
        #expect(report.run.status == .partial)
        #expect(report.run.error?.contains("paging loop") == true)
        #expect(try setup.stored() == before)
        try await setup.tearDown()
    }

    @Test func aTruncatedPageFailsTheRunAndKeepsTheRecords() async throws {
        let (setup, before) = try await primed()
        setup.server.route("/catalogue.ttl?page=3", .truncated("@prefix dcat: <http://www.w3.org/ns/dcat#> .", announcedLength: 5_000))
        let report = try await setup.harvest()
        #expect(report.run.status == .failed)
        #expect(report.run.error?.contains("connection closed after") == true)
        #expect(try setup.stored() == before)
        try await setup.tearDown()
    }

    @Test func aPageSlowerThanTheTimeoutFailsTheRunAndKeepsTheRecords() async throws {
        let (setup, before) = try await primed()
        setup.policy.requestTimeout = .milliseconds(500)
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(6), pageSize: 2)
        setup.server.route(catalogue.pagePath(2), .delayed(seconds: 2, then: .ok(catalogue.page(2, baseURL: setup.base.absoluteString))))
        let report = try await setup.harvest()
        #expect(report.run.status == .failed)
        #expect(report.run.error?.contains("no answer within 0.5 s (after 2 attempts)") == true)
        #expect(try setup.stored() == before)
        try await setup.tearDown()
    }

    @Test func anOversizedPageFailsTheRunAndKeepsTheRecords() async throws {
        let (setup, before) = try await primed()
        let big = PagedCatalogue(datasets: PagedCatalogue.numbered(200), pageSize: 200)
        setup.server.route("/catalogue.ttl", .ok(big.page(1, baseURL: setup.base.absoluteString)))
        let report = try await setup.harvest(maxPageBytes: 20_000)
        #expect(report.run.status == .failed)
        #expect(report.run.error?.contains("larger than the cap of 20000 bytes") == true)
        #expect(try setup.stored() == before)
        try await setup.tearDown()
    }

    @Test func aNodeThatDropsHalfItsDatasetsHasThemWithdrawn() async throws {
        let (setup, _) = try await primed()
        setup.serve(PagedCatalogue(datasets: Array(PagedCatalogue.numbered(6).prefix(3)), pageSize: 2))
        let report = try await setup.harvest()
        #expect(report.run.status == .complete)
        #expect(report.run.withdrawn == 3 && report.run.unchanged == 3)
        #expect(try setup.stored().map(\.id).sorted() == ["ds-1", "ds-2", "ds-3"])
        try await setup.tearDown()
    }

    @Test func unchangedPagesAreSkippedByConditionalRequests() async throws {
        let setup = try await Setup()
        let catalogue = PagedCatalogue(datasets: PagedCatalogue.numbered(4), pageSize: 2)
        for number in 1...2 {
            setup.server.route(catalogue.pagePath(number), .conditional(catalogue.page(number, baseURL: setup.base.absoluteString), etag: "\"p\(number)\"", lastModified: nil))
        }
        _ = try await setup.harvest()
        let second = try await setup.harvest()
        #expect(second.run.status == .complete)
        #expect(second.run.pagesNotModified == 2 && second.run.unchanged == 4 && second.run.withdrawn == 0)
        #expect(setup.server.requests(to: "/catalogue.ttl").last?.headers["if-none-match"] == "\"p1\"")
        try await setup.tearDown()
    }

    @Test func harvestsATenThousandDatasetCatalogue() async throws {
        let setup = try await Setup()
        setup.policy.requestTimeout = .seconds(30)
        setup.serve(PagedCatalogue(datasets: PagedCatalogue.numbered(10_000), pageSize: 500))
        let report = try await setup.harvest()
        #expect(report.run.status == .complete)
        #expect(report.run.pages == 20 && report.run.new == 10_000)
        let total = try setup.catalogue.search(SearchQuery(text: "", filters: ["node=http-node"])).total
        #expect(total == 10_000)
        try await setup.tearDown()
    }
}

/// JSON-LD pages over HTTP, with content negotiation and offline contexts.
@Suite struct JSONLDNodeHarvestTests {
    static let page = """
        {"@context": "https://w3id.org/imaging-catalogue/context/eucaim-dcat-ap.jsonld",
         "@graph": [
           {"id": "https://jsonld.example/ds/lung", "type": "Dataset", "identifier": "lung",
            "title": {"en": "Lung CT cohort", "es": "Cohorte de TC de pulmón"},
            "numberOfUniqueIndividuals": "240", "hasCondition": ["NSCLC"], "hasImageModality": ["CT"], "hasImageBodyPart": ["CHEST"]},
           {"id": "https://jsonld.example/ds/breast", "type": "Dataset", "identifier": "breast",
            "title": {"en": "Breast MRI"}, "hasCondition": ["C50"], "hasImageModality": ["MR"], "hasImageBodyPart": ["BREAST"]}
         ]}
        """

    @Test func harvestsAJSONLDNodeAndNormalisesItsValues() async throws {
        let folder = try ProjectPaths.temporaryDirectory("jsonld-node")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: folder, vocabularies: ProjectPaths.project("Vocabularies"),
            jsonldContexts: ProjectPaths.project("Ontologies/jsonld-contexts")))
        let server = FaultyHTTPServer()
        let base = try await server.start()
        server.route("/catalogue", .ok(Self.page, contentType: "application/ld+json"))
        server.route("/unknown", .ok(#"{"@context": "https://contexts.example/private.jsonld", "@id": "https://x.example/a"}"#, contentType: "application/json"))
        let node = NodeConfiguration(id: "jsonld-node", name: "JSON-LD node", country: "ES", endpoint: .remote(base.appendingPathComponent("catalogue")))
        let report = try await catalogue.harvest(node)
        #expect(report.run.status == .complete && report.run.new == 2)
        let lung = try #require(try catalogue.datasets().first { $0.id == "lung" })
        #expect(lung.subjects == 240)
        #expect(lung.cancerTypes.map(\.label) == ["Non-small cell lung cancer"])
        var broken = node
        broken.endpoint = .remote(base.appendingPathComponent("unknown"))
        let failed = try await catalogue.harvest(broken)
        #expect(failed.run.status == .failed)
        #expect(failed.run.error?.contains("unknown JSON-LD context https://contexts.example/private.jsonld") == true)
        #expect(try catalogue.datasets().count == 2)
        try await server.stop()
    }
}
