import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

@Suite struct CustomPageMapperTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: "Fixtures/custom/\(name)", withExtension: nil)))
    }

    private func mapping(_ name: String) throws -> NodeAPIMapping {
        try NodeAPIMapping.load(from: ProjectPaths.project("Harvesters/mappings/\(name)"))
    }

    private let pageURL = URL(string: "https://pacs.hospital.example/api/v1/collections")!

    @Test func mapsEachJSONCollectionToADatasetFieldByField() throws {
        let page = try CustomPageMapper(mapping: mapping("pacs-export-api.json")).map(fixture("pacs-page-1.json"), pageURL: pageURL, source: "page 1")
        #expect(page.result.datasets.map(\.identifier) == ["LUNG-2023-01", "BREAST-MR-02"])
        let lung = page.result.datasets[0]
        #expect(lung.iri == "https://pacs.hospital.example/collections/LUNG-2023-01")
        #expect(lung.titles == [LangString("Lung screening CT 2023", language: "en")])
        #expect(lung.descriptions == [LangString("Low-dose screening CT with biopsy-confirmed outcomes.", language: "en")])
        #expect(lung.keywords.map(\.value) == ["screening", "low-dose"])
        #expect(lung.publisher == RawAgent(names: [LangString("Hospital Radiology Department")]))
        #expect(lung.landingPages == ["https://pacs.hospital.example/collections/LUNG-2023-01/about"])
        #expect(lung.accessRights == .literal("restricted"))
        #expect(lung.issued == "2023-02-01" && lung.modified == "2025-03-01T10:00:00Z")
        #expect(lung.subjects == 120 && lung.studies == 340)
        #expect(lung.minTypicalAge == 45 && lung.maxTypicalAge == 82.5)
        #expect(lung.conditions == [.literal("Non-small cell lung cancer"), .literal("ICD10:C34.9")])
        #expect(lung.modalities == [.literal("CT"), .literal("PT")])
        #expect(lung.bodyParts == [.literal("CHEST"), .literal("ABDOMEN")])
        #expect(lung.interoperabilityLevel == .literal("1"))
        #expect(lung.distributions.first?.accessURLs == ["https://pacs.hospital.example/request/LUNG-2023-01"])
        #expect(lung.distributions.first?.format == .literal("DICOM"))
    }

    @Test func skipsARecordWithoutIdentifierAndWarnsAboutBadValues() throws {
        let page = try CustomPageMapper(mapping: mapping("pacs-export-api.json")).map(fixture("pacs-page-1.json"), pageURL: pageURL, source: "page 1")
        let kinds = page.result.warnings.map { "\($0.kind.rawValue) \($0.dataset)" }
        #expect(kinds.contains("recordFailed record 2 of page 1"))
        #expect(kinds.contains("invalidNumber BREAST-MR-02"))
        #expect(kinds.contains("invalidDate BREAST-MR-02"))
        let breast = try #require(page.result.datasets.last)
        #expect(breast.subjects == nil && breast.modified == "01/03/2025")
    }

    @Test func pageNumberPagingStopsAtTheAnnouncedLastPage() throws {
        let mapper = CustomPageMapper(mapping: try mapping("pacs-export-api.json"))
        let first = try mapper.map(fixture("pacs-page-1.json"), pageURL: pageURL, source: "p1")
        #expect(first.next?.absoluteString == "https://pacs.hospital.example/api/v1/collections?page=2")
        let second = try mapper.map(fixture("pacs-page-2.json"), pageURL: try #require(first.next), source: "p2")
        #expect(second.next == nil)
    }

    @Test func mapsNamespacedXMLWithXPathAndOffsetPaging() throws {
        let mapper = CustomPageMapper(mapping: try mapping("xnat-project-export.json"))
        let url = URL(string: "https://xnat.example.org/export/projects.xml")!
        let first = try mapper.map(fixture("xnat-page-1.xml"), pageURL: url, source: "x1")
        #expect(first.result.datasets.map(\.identifier) == ["GBM-MR", "HN-PETCT"])
        let gbm = first.result.datasets[0]
        #expect(gbm.titles == [LangString("Glioblastoma MRI", language: "en"), LangString("Glioblastom-MRT", language: "de")])
        #expect(gbm.subjects == 64 && gbm.studies == 210)
        #expect(gbm.conditions == [.literal("C71.9")])
        #expect(gbm.modalities == [.literal("MR")] && gbm.bodyParts == [.literal("BRAIN")])
        #expect(gbm.modified == "2025-06-30" && gbm.accessRights == .literal("restricted"))
        #expect(first.result.datasets[1].modalities == [.literal("PT"), .literal("CT")])
        #expect(first.next?.absoluteString == "https://xnat.example.org/export/projects.xml?offset=2&limit=2")
        let second = try mapper.map(fixture("xnat-page-2.xml"), pageURL: try #require(first.next), source: "x2")
        #expect(second.result.datasets.map(\.identifier) == ["LIVER-CT"])
        #expect(second.next == nil)
    }

    @Test func reportsMalformedPagesWithLineAndColumn() throws {
        let json = CustomPageMapper(mapping: try mapping("pacs-export-api.json"))
        #expect(throws: CustomMappingError(source: "p", location: "line 2, column 20", message: "expected ',' or '}' in an object")) {
            try json.map(Data("{\"page\": 1,\n \"collections\": [] ]".utf8), pageURL: pageURL, source: "p")
        }
        let xml = CustomPageMapper(mapping: try mapping("xnat-project-export.json"))
        do {
            _ = try xml.map(Data("<a>\n<b></a>".utf8), pageURL: pageURL, source: "x")
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.location?.hasPrefix("line 2") == true)
        }
    }

    @Test func aPageWithoutTheRecordListIsAPageError() throws {
        let mapper = CustomPageMapper(mapping: try mapping("pacs-export-api.json"))
        #expect(throws: CustomMappingError(source: "p", location: "/collections", message: "the page has no record list there")) {
            try mapper.map(Data(#"{"error": "maintenance"}"#.utf8), pageURL: pageURL, source: "p")
        }
    }

    @Test func refusesToExpandExternalEntities() throws {
        let xml = CustomPageMapper(mapping: try mapping("xnat-project-export.json"))
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE px:projects [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <px:projects xmlns:px="https://xnat.example.org/ns/project-export">
              <px:project id="X"><px:title xml:lang="en">&secret;</px:title></px:project>
            </px:projects>
            """
        let page = try xml.map(Data(hostile.utf8), pageURL: pageURL, source: "x")
        #expect(page.result.datasets.first?.titles.contains { $0.value.contains("root:") } != true)
    }
}

@Suite struct NodeAPIMappingTests {
    private func refusal(_ text: String) -> CustomMappingError? {
        do {
            let folder = try ProjectPaths.temporaryDirectory("mapping")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("m.json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            _ = try NodeAPIMapping.load(from: file)
            return nil
        } catch let error as CustomMappingError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test(arguments: [
        (#"{"format": "json", "records": "/r", "fields": {"identifier": "/id"}, "paging": {"rule": "pages"}}"#, "paging.rule"),
        (#"{"format": "json", "records": "/r", "fields": {"identifier": "/id", "colour": "/c"}}"#, "fields.colour"),
        (#"{"format": "json", "records": "/r", "fields": {"titles": "/t"}}"#, "fields.identifier"),
        (#"{"format": "json", "records": "r", "fields": {"identifier": "/id"}}"#, "records"),
        (#"{"format": "xml", "records": "//p[", "fields": {"identifier": "@id"}}"#, "records"),
        (#"{"format": "json", "records": "/r", "fields": {"identifier": {"path": "/id", "kind": "x"}}}"#, "fields.identifier.kind"),
        (#"{"format": "json", "records": "/r", "fields": {"identifier": "/id"}, "extra": 1}"#, "extra"),
        (#"{"format": "csv", "records": "/r", "fields": {"identifier": "/id"}}"#, "format"),
        (#"{"format": "json", "records": "/r", "fields": {"identifier": "/id"}, "paging": {"rule": "offset"}}"#, "paging.limit"),
    ])
    func rejectsAnInvalidMappingNamingTheKey(_ text: String, _ location: String) {
        #expect(refusal(text)?.location == location)
    }

    @Test func reportsJSONSyntaxErrorsInTheMappingFile() {
        #expect(refusal("{\n  \"format\": json\n}")?.location == "line 2, column 13")
    }

    @Test func everyShippedMappingLoads() throws {
        let folder = ProjectPaths.project("Harvesters/mappings")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        #expect(files.count >= 2)
        for file in files { _ = try NodeAPIMapping.load(from: file) }
    }
}

/// A json node harvested end to end through the run loop, paging by page number.
@Suite struct CustomNodeHarvestTests {
    @Test func harvestsEveryPageOfAJSONNode() async throws {
        let base = "https://pacs.hospital.example/api/v1/collections"
        let page = { (name: String) throws -> ScriptedFetcher.Answer in
            let url = try #require(Bundle.module.url(forResource: "Fixtures/custom/\(name)", withExtension: nil))
            return .page(try String(contentsOf: url, encoding: .utf8), contentType: "application/json")
        }
        let fetcher = ScriptedFetcher([base: [try page("pacs-page-1.json")], base + "?page=2": [try page("pacs-page-2.json")]])
        let node = NodeConfiguration(
            id: "pacs", name: "PACS", country: "PT", endpoint: .remote(URL(string: base)!), harvestProtocol: .json,
            mapping: ProjectPaths.project("Harvesters/mappings/pacs-export-api.json"))
        let outcome = await HarvestRunner(node: node, fetcher: fetcher).run()
        #expect(outcome.failure == nil)
        #expect(outcome.datasets.map(\.raw.identifier) == ["LUNG-2023-01", "BREAST-MR-02", "PROSTATE-2024"])
        #expect(outcome.failedRecords == 1)
        #expect(fetcher.requestedURLs == [base, base + "?page=2"])
    }

    @Test func aMappingForAnotherFormatFailsTheRunBeforeAnyRequest() async {
        let fetcher = ScriptedFetcher([:])
        let node = NodeConfiguration(
            id: "x", name: "X", country: "PT", endpoint: .remote(URL(string: "https://x.example/api")!), harvestProtocol: .json,
            mapping: ProjectPaths.project("Harvesters/mappings/xnat-project-export.json"))
        let outcome = await HarvestRunner(node: node, fetcher: fetcher).run()
        #expect(outcome.failure == .invalidMapping(file: "xnat-project-export.json", reason: "it maps xml but the node's protocol is json"))
        #expect(fetcher.requestedURLs.isEmpty)
    }
}
