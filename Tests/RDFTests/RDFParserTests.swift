import CatalogueTesting
import Foundation
import Testing
@testable import RDF

@Suite struct RDFParserTests {
    static let dcatDataset = "http://www.w3.org/ns/dcat#Dataset"
    static let dctTitle = "http://purl.org/dc/terms/title"

    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    @Test func readsEveryTripleOfAnNTriplesFile() throws {
        let graph = try RDFParser().parse(fileAt: fixture("semic-2.1.1-example1.nt"))
        #expect(graph.count == 23)
        let datasets = graph.subjects(ofType: Self.dcatDataset)
        #expect(datasets == [.iri("https://myorg.eu/opendata/datasets/1")])
        #expect(graph.objects(datasets[0], Self.dctTitle) == [.literal("visitors to the Open Swimming Pool", language: "en")])
    }

    @Test func readsTurtleWithSparqlStylePrefixes() throws {
        let graph = try RDFParser().parse(fileAt: fixture("semic-3.0.0-hvd-example-ms-catalogue.ttl"))
        #expect(graph.count == 48)
        let dataset = Term.iri("https://data.exampleMS.gov/id/dataset/1T2p3o4B")
        #expect(graph.subjects(ofType: Self.dcatDataset) == [dataset])
        #expect(graph.objects(dataset, Self.dctTitle) == [.literal("The population of bees", language: "en")])
    }

    @Test func readsRDFXMLWithTypedAndLanguageLiterals() throws {
        let xml = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/"
                 xmlns:xsd="http://www.w3.org/2001/XMLSchema#">
          <dcat:Dataset rdf:about="https://example.org/ds/1">
            <dct:title xml:lang="EN">Lung CT</dct:title>
            <dct:title xml:lang="de">Lungen-CT</dct:title>
            <dct:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2024-01-31</dct:issued>
            <dct:publisher><rdf:Description><dct:title>Hospital</dct:title></rdf:Description></dct:publisher>
          </dcat:Dataset>
        </rdf:RDF>
        """
        let graph = try RDFParser().parse(Data(xml.utf8), format: .rdfxml, source: "inline.rdf")
        let dataset = Term.iri("https://example.org/ds/1")
        #expect(graph.subjects(ofType: Self.dcatDataset) == [dataset])
        #expect(graph.objects(dataset, Self.dctTitle) == [.literal("Lung CT", language: "en"), .literal("Lungen-CT", language: "de")])
        #expect(graph.objects(dataset, "http://purl.org/dc/terms/issued")
            == [.literal("2024-01-31", datatype: "http://www.w3.org/2001/XMLSchema#date")])
        let publisher = try #require(graph.objects(dataset, "http://purl.org/dc/terms/publisher").first)
        #expect(publisher.isBlank)
        #expect(graph.objects(publisher, Self.dctTitle) == [.literal("Hospital")])
    }

    @Test func refusesMalformedTurtleNamingTheSourceAndLine() throws {
        let turtle = """
        @prefix dct: <http://purl.org/dc/terms/> .
        <https://example.org/a> dct:title "ok" .
        <https://example.org/b> dct:title "unterminated .
        """
        let error = #expect(throws: RDFError.self) {
            try RDFParser().parse(Data(turtle.utf8), format: .turtle, source: "broken.ttl")
        }
        guard case .syntax(let source, let line, _, let message) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(source == "broken.ttl")
        #expect(line == 3)
        #expect(!message.isEmpty)
        #expect(error?.description.hasPrefix("broken.ttl:3") == true)
    }

    @Test func refusesMalformedRDFXMLWithALineNumber() throws {
        let xml = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"x\">\n</rdf:RDF>\n"
        let error = #expect(throws: RDFError.self) {
            try RDFParser().parse(Data(xml.utf8), format: .rdfxml, source: "broken.rdf")
        }
        guard case .syntax(let source, let line, _, _) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(source == "broken.rdf")
        #expect(line != nil)
    }

    @Test func doesNotLoadExternalXMLEntities() throws {
        let directory = try ProjectPaths.temporaryDirectory("xxe")
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM "\(secret.absoluteString)"> ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
          <rdf:Description rdf:about="https://example.org/x"><dct:title>&leak;</dct:title></rdf:Description>
        </rdf:RDF>
        """
        let graph = try? RDFParser().parse(Data(xml.utf8), format: .rdfxml, source: "xxe.rdf")
        let titles = graph?.objects(.iri("https://example.org/x"), Self.dctTitle) ?? []
        #expect(!titles.contains(.literal("TOP-SECRET")))
    }

    @Test func keepsBlankNodesOfDifferentDocumentsApart() throws {
        let turtle = "_:b0 <http://purl.org/dc/terms/title> \"x\" ."
        let first = try RDFParser().parse(Data(turtle.utf8), format: .turtle, source: "a.ttl")
        let second = try RDFParser().parse(Data(turtle.utf8), format: .turtle, source: "b.ttl")
        #expect(first.subjects.count == 1 && second.subjects.count == 1)
        #expect(first.subjects[0] != second.subjects[0])
    }

    @Test func storesDuplicateTriplesOnce() throws {
        let triples = "<https://e.org/a> <https://e.org/p> \"v\" .\n<https://e.org/a> <https://e.org/p> \"v\" .\n"
        let graph = try RDFParser().parse(Data(triples.utf8), format: .ntriples, source: "dup.nt")
        #expect(graph.count == 1)
    }

    @Test func guessesTheFormatFromTheExtension() {
        #expect(RDFFormat(fileExtension: "TTL") == .turtle)
        #expect(RDFFormat(fileExtension: "rdf") == .rdfxml)
        #expect(RDFFormat(fileExtension: "nt") == .ntriples)
        #expect(RDFFormat(fileExtension: "csv") == nil)
    }

    @Test func refusesAFileWithAnUnknownExtension() throws {
        let directory = try ProjectPaths.temporaryDirectory("ext")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("catalogue.csv")
        try "a,b".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: RDFError.self) { try RDFParser().parse(fileAt: file) }
    }

    @Test func reportsAMissingFileAsUnreadable() {
        let error = #expect(throws: RDFError.self) {
            try RDFParser().parse(fileAt: URL(fileURLWithPath: "/nonexistent/catalogue.ttl"))
        }
        guard case .unreadable(let source, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(source == "catalogue.ttl")
    }

    /// The ckanext-dcat examples are AGPL: read from ../shared only, skipped when it is absent.
    @Test(arguments: [
        ("catalog.rdf", 79), ("catalog_datasets_list.rdf", 68), ("dataset.rdf", 115),
        ("dataset_gov_de.rdf", 208), ("dataset_sweden.rdf", 59), ("dataset_health.ttl", 220),
        ("dataset_multilingual.ttl", 68),
    ])
    func parsesCkanextDcatExamplesLikeRapper(file: String, triples: Int) throws {
        guard let url = ProjectPaths.shared("fixtures/dcat/ckanext-dcat/\(file)") else { return }
        let graph = try RDFParser().parse(fileAt: url)
        #expect(graph.count == triples)
    }
}
