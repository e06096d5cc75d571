import CatalogueModel
import CatalogueTesting
import Foundation
import RDF
import Testing
@testable import Harvesting

/// The peers' example files through the profile mapping, asserting what
/// `../shared/fixtures/dcat/PROVENANCE.md` lists for each. CC BY files are the project's copies
/// (`Tests/RDFTests/Fixtures`, `Tests/HarvestingTests/Fixtures`); the AGPL ckanext-dcat files are
/// read from `../shared` only, and those tests are skipped (and say so) when it is absent.
@Suite struct PeerFixtureTests {
    private func semic(_ name: String) -> URL { ProjectPaths.project("Tests/RDFTests/Fixtures/\(name)") }

    private func map(_ url: URL) throws -> MappingResult {
        let contexts = try JSONLDContextLibrary(folder: ProjectPaths.project("Ontologies/jsonld-contexts"))
        return DatasetMapper().map(try RDFParser(jsonldContexts: contexts).parse(fileAt: url))
    }

    private func only(_ result: MappingResult) throws -> RawDataset {
        #expect(result.datasets.count == 1)
        return try #require(result.datasets.first)
    }

    @Test func semicNTriplesExample() throws {
        let dataset = try only(map(semic("semic-2.1.1-example1.nt")))
        #expect(dataset.iri == "https://myorg.eu/opendata/datasets/1")
        #expect(dataset.titles == [LangString("visitors to the Open Swimming Pool", language: "en")])
        #expect(dataset.contactPoints.first?.emails == ["opendata@myorg.eu"])
        #expect(dataset.distributions.map(\.iri) == ["https://myorg.eu/opendata/datasets/1/distributions/csv"])
    }

    @Test(arguments: ["semic-3.0.0-hvd-example-ms-catalogue.ttl", "semic-3.0.0-hvd-example-ms-catalogue.jsonld"])
    func semicHighValueCatalogueWithItsTypoAndDanglingDistribution(_ file: String) throws {
        let result = try map(semic(file))
        let dataset = try only(result)
        #expect(dataset.iri == "https://data.exampleMS.gov/id/dataset/1T2p3o4B")
        #expect(dataset.identifier == "https://data.exampleMS.gov/id/dataset/1T2p3o4B")
        #expect(dataset.titles == [LangString("The population of bees", language: "en")])
        #expect(dataset.publisher?.names.map(\.value) == ["MS Environmental Agency"])
        #expect(dataset.otherProperties["http://data.europa.eu/r5r/applicableLegislation"]?.count == 2)
        #expect(dataset.otherProperties["http://purl.org/dc/terms/accrualPeriodicity"] == [.iri("http://publications.europa.eu/resource/authority/frequency/BIENNIAL")])
        let distributions = Dictionary(uniqueKeysWithValues: dataset.distributions.compactMap { d in d.iri.map { ($0, d) } })
        #expect(distributions.count == 2)
        #expect(distributions["https://data.exampleMS.gov/id/dataset/1T2p3o4B-dist-SHP"]?.format == .iri("http://publications.europa.eu/resource/authority/file-type/SHP"))
        // The RDF distribution is referenced but never described: kept as a bare reference.
        #expect(distributions["https://data.exampleMS.gov/id/dataset/1T2p3o4B-dist-RDF"] == RawDistribution(iri: "https://data.exampleMS.gov/id/dataset/1T2p3o4B-dist-RDF"))
        #expect(result.warnings.contains { $0.dataset == "https://data.exampleMS.gov/id/dataset/HVD-reporting-2023" && $0.detail.contains("dcat:Catalogue") })
    }

    @Test func semicTwoDistributionsExample() throws {
        let dataset = try only(map(semic("semic-3.0.0-hvd-example-ms-dataset-2-distributions.ttl")))
        #expect(Set(dataset.distributions.compactMap(\.format)) == [
            .iri("http://publications.europa.eu/resource/authority/file-type/SHP"),
            .iri("http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE"),
        ])
    }

    @Test func semicBeePopulationTurtleIsInvalidAndNamesItsLine() throws {
        do {
            _ = try map(semic("semic-3.0.1-example-bee-population-dataset-series-combined.ttl"))
            Issue.record("invalid Turtle was accepted")
        } catch let error as RDFError {
            guard case .syntax(_, let line?, _, _) = error else { Issue.record("no line in \(error)"); return }
            #expect(line == 32)
        }
    }

    @Test func semicBeePopulationJSONLDMapsItsFourDatasets() throws {
        let result = try map(semic("semic-3.0.1-example-bee-population-dataset-series-combined.jsonld"))
        #expect(result.datasets.count == 4)
        let latest = try #require(result.datasets.first { $0.iri == "https://data.gov.gr/id/dataset/BeePopulation2023" })
        #expect(latest.titles == [LangString("Bee population 2023 in the region of Thessaloniki and Athens", language: "en")])
        #expect(latest.distributions.count == 2)
        #expect(latest.otherProperties["http://purl.org/dc/terms/spatial"]?.count == 2)
        #expect(latest.otherProperties["http://www.w3.org/ns/dcat#inSeries"] == [.iri("https://data.gov.gr/id/datasetseries/BeePopulation")])
    }

    @Test func healthDCATAPRelease8ExampleKeepsEveryHealthProperty() throws {
        let dataset = try only(map(ProjectPaths.project("Tests/HarvestingTests/Fixtures/healthdcat-ap/example-healthdcat-dataset.ttl")))
        #expect(dataset.version == "7.0.0-example")
        #expect(dataset.temporal == [RawPeriod(start: "2020-01-01", end: "2024-12-31")])
        #expect(dataset.contactPoints.first?.emails == ["oncology-dataset-support@example.org"])
        let health = "http://healthdataportal.eu/ns/health#"
        #expect(dataset.otherProperties[health + "healthCategory"] == [.iri("https://hdeu-dcat.data.health.europa.eu/resource/authority/healthcategories/EHRS")])
        #expect(dataset.otherProperties[health + "hasStructuredData"] == [.literal("true", datatype: "http://www.w3.org/2001/XMLSchema#boolean")])
        #expect(dataset.otherProperties[health + "hasCodeValues"] == [.literal("U07.1")])
        #expect(dataset.otherProperties["http://purl.org/dc/terms/conformsTo"]?.count == 2)
        #expect(dataset.otherProperties[health + "hasVariables"]?.first?.text.hasSuffix("variables-group") == true)
        #expect(dataset.distributions.compactMap(\.byteSize).sorted() == ["245000000", "92000000"])
    }
}
