import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Harvesting
import RDF
import Testing

/// The catalogue's own DCAT-AP export: readable in every format, harvestable back by our own
/// harvester without losing a concept, paged the way our harvester follows, and valid against
/// the official DCAT-AP 3.0.1 shapes.
@Suite struct ExportTests {
    static let base = "http://catalogue.example.org/catalog"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let hydra = "http://www.w3.org/ns/hydra/core#"
    static let shapes = ProjectPaths.shared("fixtures/shacl/dcat-ap-3.0.1-SHACL.ttl")
    /// Demo-node files with publishers, distributions, contact points, keywords and tiers, one of
    /// them RDF/XML, so the export is checked on more than the fixture's plain datasets.
    static let demoFiles = ["Harvesters/demo/de-heidelberg/body-oncology.ttl", "Harvesters/demo/de-heidelberg/neuro-oncology.rdf"]

    private func export(_ fixture: EngineFixture, _ format: ExportFormat = .turtle, page: Int? = nil, pageSize: Int = 100) throws -> Data {
        let export = try fixture.catalogue.exportCatalogue(format: format, page: page, pageSize: pageSize, baseURL: Self.base)
        #expect(export.mediaType == format.mediaType)
        return export.data
    }

    private func parse(_ data: Data, _ format: ExportFormat) throws -> Graph {
        let rdfFormat: RDFFormat = switch format {
        case .turtle: .turtle
        case .rdfxml: .rdfxml
        case .jsonld: .jsonld
        }
        return try RDFParser().parse(data, format: rdfFormat, source: "export.\(format.fileExtension)")
    }

    private func withDemoNode(_ fixture: EngineFixture) throws {
        _ = try fixture.catalogue.importFiles(Self.demoFiles.map(ProjectPaths.project), node: "de-demo", format: nil)
    }

    @Test func everyFormatParsesBackToTheSameTriples() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try withDemoNode(fixture)
        let datasets = try fixture.catalogue.datasets().count
        var counts: [ExportFormat: Int] = [:]
        for format in ExportFormat.allCases {
            let graph = try parse(try export(fixture, format), format)
            #expect(graph.subjects(ofType: Self.dcat + "Dataset").count == datasets, "\(format)")
            #expect(graph.subjects(ofType: Self.dcat + "Catalog") == [.iri(Self.base)], "\(format)")
            counts[format] = graph.count
        }
        #expect(Set(counts.values).count == 1, "triples per format: \(counts)")
        #expect((counts[.turtle] ?? 0) > datasets * 10)
    }

    @Test func ownTurtleExportHarvestsBackToTheSameNormalisedDatasets() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try withDemoNode(fixture)
        let file = fixture.folder.appendingPathComponent("export.ttl")
        try export(fixture).write(to: file)
        let copy = try CatalogueService.open(CatalogueConfiguration(
            home: fixture.folder.appendingPathComponent("roundtrip-home"), vocabularies: ProjectPaths.project("Vocabularies")))
        _ = try copy.importFiles([file], node: "roundtrip", format: .turtle)

        let original = try fixture.catalogue.datasets()
        let harvested = try copy.datasets()
        #expect(harvested.count == original.count)
        // An identifier two nodes share (the fixture's ds-nsclc) is qualified with the node, and
        // its shared IRI replaced by one under the base; every other dataset keeps both.
        let shared = Set(Dictionary(grouping: original, by: \.id).filter { $0.value.count > 1 }.keys)
        #expect(shared == ["ds-nsclc"])
        func exportedID(_ view: DatasetView) -> String { shared.contains(view.id) ? "\(view.node)/\(view.id)" : view.id }
        let originals = Dictionary(uniqueKeysWithValues: original.map { (exportedID($0), $0) })
        #expect(Set(harvested.map(\.id)) == Set(originals.keys))
        for view in harvested {
            guard let before = originals[view.id] else { continue }
            let minted = shared.contains(before.id) || before.iri == nil
            if minted { #expect(view.iri?.hasPrefix(Self.base + "/dataset/") == true, "\(view.id)") }
            #expect(comparable(view, mintedIRI: minted) == comparable(before, mintedIRI: minted), "\(view.id)")
        }
        #expect(harvested.contains { !$0.cancerTypes.isEmpty && !$0.modalities.isEmpty && !$0.bodySites.isEmpty })
        #expect(harvested.contains { $0.accessRights == "NON_PUBLIC" })
    }

    /// A view without what the round trip changes by design (node, source, the identifier, which
    /// the caller matched already, and a minted IRI) and with lists in a fixed order (a
    /// serialisation may reorder the values of a property).
    private func comparable(_ view: DatasetView, mintedIRI: Bool) -> DatasetView {
        var view = view
        view.node = ""
        view.source = nil
        view.id = ""
        if mintedIRI { view.iri = nil }
        view.cancerTypes.sort { $0.concept < $1.concept }
        view.modalities.sort { $0.concept < $1.concept }
        view.bodySites.sort { $0.concept < $1.concept }
        view.unmapped.sort { $0.description < $1.description }
        view.keywords.sort()
        view.titles.sort { $0.description < $1.description }
        view.distributions.sort { "\($0.accessURL ?? "") \($0.downloadURL ?? "") \($0.format ?? "")" < "\($1.accessURL ?? "") \($1.downloadURL ?? "") \($1.format ?? "")" }
        return view
    }

    @Test func pagesCarryHydraLinksAndTheNextChainCoversEveryDataset() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        func pageURL(_ number: Int) -> Term { .iri("\(Self.base)?page=\(number)&pageSize=4") }
        var number: Int? = 1
        var seen: [Term] = []
        var pages = 0
        while let current = number {
            pages += 1
            try #require(pages <= 5, "the next chain does not end")
            let graph = try parse(try export(fixture, page: current, pageSize: 4), .turtle)
            let view = try #require(graph.subjects(ofType: Self.hydra + "PartialCollectionView").first)
            #expect(view == pageURL(current))
            #expect(graph.objects(.iri(Self.base), Self.hydra + "view") == [view])
            #expect(graph.objects(view, Self.hydra + "totalItems").first?.literalValue == "6")
            #expect(graph.objects(view, Self.hydra + "first") == [pageURL(1)])
            #expect(graph.objects(view, Self.hydra + "last") == [pageURL(2)])
            #expect(graph.objects(view, Self.hydra + "previous") == (current > 1 ? [pageURL(current - 1)] : []))
            let datasets = graph.subjects(ofType: Self.dcat + "Dataset")
            #expect(Set(graph.objects(.iri(Self.base), Self.dcat + "dataset")) == Set(datasets))
            seen += datasets
            number = graph.objects(view, Self.hydra + "next").first?.iriValue
                .flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "page" }?.value }
                .flatMap { Int($0) }
        }
        #expect(pages == 2)
        let whole = try parse(try export(fixture), .turtle)
        #expect(seen.count == 6 && Set(seen) == Set(whole.subjects(ofType: Self.dcat + "Dataset")))
        let past = try parse(try export(fixture, page: 3, pageSize: 4), .turtle)
        #expect(past.subjects(ofType: Self.dcat + "Dataset").isEmpty)
    }

    @Test func ourHarvesterFollowsTheExportPages() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let fetcher = ScriptedFetcher([:])
        for number in 1...3 {
            let page = String(decoding: try export(fixture, page: number, pageSize: 2), as: UTF8.self)
            fetcher.set("\(Self.base)?page=\(number)&pageSize=2", [.page(page)])
        }
        let copy = try CatalogueService.open(CatalogueConfiguration(
            home: fixture.folder.appendingPathComponent("harvest-home"), vocabularies: ProjectPaths.project("Vocabularies")))
        let node = NodeConfiguration(
            id: "catalogue", name: "Our own catalogue", country: "EU",
            endpoint: .remote(try #require(URL(string: "\(Self.base)?page=1&pageSize=2"))))
        let report = try await copy.harvest(node, fetcher: fetcher)
        #expect(report.run.status == .complete)
        #expect(report.run.pages == 3 && report.run.new == 6)
        #expect(fetcher.requestedURLs.count == 3)
    }

    @Test func refusesPagesAndBaseURLsItCannotServe() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(throws: CatalogueExportError.invalidPage(0)) {
            try fixture.catalogue.exportCatalogue(format: .turtle, page: 0, pageSize: 10, baseURL: Self.base)
        }
        #expect(throws: CatalogueExportError.invalidPageSize(0, allowed: CatalogueService.exportPageSizes)) {
            try fixture.catalogue.exportCatalogue(format: .turtle, page: 1, pageSize: 0, baseURL: Self.base)
        }
        for base in ["catalog", "ftp://example.org/catalog", "http://example.org/cata log", "http://example.org/catalog#top"] {
            #expect(throws: CatalogueExportError.self, "\(base)") {
                try fixture.catalogue.exportCatalogue(format: .turtle, page: nil, pageSize: 10, baseURL: base)
            }
        }
    }

    @Test(.enabled(if: ExportTests.shapes != nil, "needs ../shared/fixtures/shacl/dcat-ap-3.0.1-SHACL.ttl"))
    func turtleExportConformsToTheDCATAPShapes() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try withDemoNode(fixture)
        for page in [nil, 1] as [Int?] {
            let file = fixture.folder.appendingPathComponent("export-\(page.map(String.init) ?? "all").ttl")
            try export(fixture, page: page, pageSize: 5).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", ProjectPaths.project("scripts/shacl-export.sh").path, file.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // Read before waiting: a report larger than the pipe's buffer would block the script.
            let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(file.lastPathComponent): \(report)")
        }
    }
}
