import CatalogueTesting
import Foundation
import Testing
@testable import RDF

/// Real DCAT-AP JSON-LD: the SEMIC examples (CC BY, copied) against their Turtle twins parsed by
/// raptor2, and the AGPL ckanext-dcat examples read from ../shared when it is there.
@Suite struct JSONLDFixtureTests {
    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    private var parser: RDFParser {
        get throws { RDFParser(jsonldContexts: try JSONLDContextLibrary(folder: ProjectPaths.project("Ontologies/jsonld-contexts"))) }
    }

    @Test(arguments: ["semic-3.0.0-hvd-example-ms-dataset-2-distributions", "semic-3.0.0-hvd-example-ms-catalogue"])
    func jsonldExampleEqualsItsTurtleTwin(_ name: String) throws {
        let jsonld = try parser.parse(fileAt: fixture(name + ".jsonld"))
        let turtle = try parser.parse(fileAt: fixture(name + ".ttl"))
        #expect(jsonld.count == turtle.count)
        #expect(GraphIsomorphism.isomorphic(jsonld, turtle))
    }

    @Test func readsTheBeePopulationSeriesThroughItsOfflineRemoteContext() throws {
        let graph = try parser.parse(fileAt: fixture("semic-3.0.1-example-bee-population-dataset-series-combined.jsonld"))
        let datasets = graph.subjects(ofType: "http://www.w3.org/ns/dcat#Dataset").compactMap(\.iriValue).sorted()
        #expect(datasets == ["BeePopulation2000", "BeePopulation2022", "BeePopulation2023", "BeePopulationLive"].map { "https://data.gov.gr/id/dataset/" + $0 })
        #expect(graph.subjects(ofType: "http://www.w3.org/ns/dcat#DatasetSeries") == [.iri("https://data.gov.gr/id/datasetseries/BeePopulation")])
    }

    @Test func theOfficialDCATAPContextLoadsAndExpandsDatasetTerms() throws {
        let document = """
            {"@context": "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld",
             "@id": "https://n.example/ds", "@type": "Dataset", "title": {"@value": "Lung CT", "@language": "en"},
             "datasetDistribution": [{"@id": "https://n.example/dist", "@type": "Distribution", "accessUrl": "https://n.example/get"}]}
            """
        let graph = try parser.parse(Data(document.utf8), format: .jsonld, source: "dcat-ap.jsonld")
        #expect(graph.objects(.iri("https://n.example/ds"), "http://purl.org/dc/terms/title") == [.literal("Lung CT", language: "en")])
        #expect(graph.objects(.iri("https://n.example/ds"), "http://www.w3.org/ns/dcat#distribution") == [.iri("https://n.example/dist")])
        #expect(graph.objects(.iri("https://n.example/dist"), "http://www.w3.org/ns/dcat#accessURL") == [.iri("https://n.example/get")])
    }

    @Test(.enabled(if: ProjectPaths.sharedFolder != nil, "needs ../shared (AGPL ckanext-dcat fixtures are never copied)"))
    func readsTheCkanextPODCatalogueAsAConformingProcessorDoes() throws {
        let url = try #require(ProjectPaths.shared("fixtures/dcat/ckanext-dcat/catalog_pod.jsonld"))
        let graph = try parser.parse(fileAt: url)
        let dataset = Term.iri("http://www.agency.gov/datasets/widgets-data")
        #expect(graph.subjects(ofType: "http://www.w3.org/ns/dcat#Dataset") == [dataset])
        #expect(graph.objects(dataset, "http://purl.org/dc/terms/title") == [.literal("U.S. Widget Manufacturing Statistics")])
        #expect(graph.objects(dataset, "http://www.w3.org/ns/dcat#distribution").count == 4)
        #expect(!graph.objects(dataset, "http://www.w3.org/ns/dcat#identifier").isEmpty)
        #expect(!graph.objects(dataset, "http://www.w3.org/ns/adms#contactPoint").isEmpty)
        let issued = graph.objects(dataset, "http://purl.org/dc/terms/issued")
        #expect(issued.allSatisfy { if case .literal(_, _, "xsd:dateTime") = $0 { true } else { false } })
        #expect(!graph.triples.contains { $0.predicate.contains("accessLevel") })
        let urls = graph.triples.filter { $0.predicate == "http://www.w3.org/ns/dcat#downloadURL" }.map(\.object)
        #expect(urls.contains(.literal("https://data.agency.gov/datasets/widgets-statistics/widgets.csv")))
    }

    @Test(.enabled(if: ProjectPaths.sharedFolder != nil, "needs ../shared (AGPL ckanext-dcat fixtures are never copied)"))
    func readsTheCkanextGraphCatalogue() throws {
        let url = try #require(ProjectPaths.shared("fixtures/dcat/ckanext-dcat/catalog_with_at_graph.jsonld"))
        let graph = try parser.parse(fileAt: url)
        let dataset = Term.iri("https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset")
        #expect(graph.subjects(ofType: "http://www.w3.org/ns/dcat#Dataset") == [dataset])
        #expect(graph.objects(dataset, "http://purl.org/dc/terms/title") == [.literal("Title dataset")])
        let distribution = try #require(graph.objects(dataset, "http://www.w3.org/ns/dcat#distribution").first)
        #expect(graph.objects(distribution, "http://www.w3.org/ns/dcat#downloadURL") == [.iri("http://example2.org/files/download.zip")])
        let contact = try #require(graph.objects(dataset, "http://www.w3.org/ns/dcat#contactPoint").first)
        #expect(graph.objects(contact, "http://www.w3.org/2006/vcard/ns#hasEmail") == [.literal("mailto:jane.doe@agency.gov")])
    }
}
