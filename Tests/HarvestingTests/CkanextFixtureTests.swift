import CatalogueModel
import CatalogueTesting
import Foundation
import RDF
import Testing
@testable import Harvesting

/// ckanext-dcat's examples (AGPL-3.0) are never copied into the project: this suite reads them
/// from `../shared/fixtures/dcat/ckanext-dcat/` and is skipped, with that reason, when it is absent.
@Suite(.enabled(if: ProjectPaths.sharedFolder != nil, "needs ../shared: the AGPL ckanext-dcat fixtures are read from there, never copied"))
struct CkanextFixtureTests {
    private func map(_ name: String) throws -> MappingResult {
        let url = try #require(ProjectPaths.shared("fixtures/dcat/ckanext-dcat/\(name)"))
        let contexts = try JSONLDContextLibrary(folder: ProjectPaths.project("Ontologies/jsonld-contexts"))
        return DatasetMapper().map(try RDFParser(jsonldContexts: contexts).parse(fileAt: url))
    }

    @Test func datasetRDFWithEveryFieldAndItsTraps() throws {
        let result = try map("dataset.rdf")
        let dataset = try #require(result.datasets.first)
        #expect(result.datasets.count == 1)
        #expect(dataset.identifier == "9df8df51-63db-37a8-e044-0003ba9b0d98")
        #expect(dataset.titles.first?.value == "Zimbabwe Regional Geochemical Survey.")
        #expect(dataset.descriptions.first?.value.hasPrefix("During the period 1982-86 a team of geologists from the British Geological Survey") == true)
        #expect(Set(dataset.keywords.map(\.value)) == ["exploration", "geochemistry", "geology"])
        #expect(dataset.landingPages == ["http://dataset.info.org"])
        #expect(dataset.issued == "2012-05-10" && dataset.modified == "2012-05-10T21:04")
        #expect(dataset.temporal == [RawPeriod(start: "1905-03-01", end: "2013-01-05")])
        #expect(dataset.contactPoints.first?.names.first?.value == "Point of Contact")
        #expect(dataset.contactPoints.first?.emails == ["contact@some.org"])
        #expect(dataset.version == "2.3")
        #expect(dataset.accessRights == .literal("public"))
        #expect(dataset.publisher?.names.first?.value == "Publishing Organization for dataset 1")
        #expect(dataset.otherProperties["http://www.w3.org/ns/dcat#theme"]?.contains(.literal("Earth Sciences")) == true)
        #expect(dataset.otherProperties["http://www.w3.org/ns/adms#identifier"]?.count == 2)
        #expect(dataset.otherProperties["http://www.w3.org/ns/dcat#temporalResolution"]?.first?.text == "PT15M")
        let distribution = try #require(dataset.distributions.first)
        #expect(dataset.distributions.count == 1)
        #expect(distribution.titles.first?.value == "Some website")
        #expect(distribution.accessURLs == ["http://www.bgs.ac.uk/gbase/geochemcd/home.html"])
        #expect(distribution.downloadURLs.isEmpty)
        #expect(distribution.format == .literal("HTML") && distribution.mediaType == .literal("text/html"))
        #expect(distribution.byteSize == "12323")
        #expect(distribution.checksum == "4304cf2e751e6053c90b1804c89c0ebb758f395a")
        #expect(distribution.license == .iri("http://creativecommons.org/licenses/by-nc/2.0/"))
        #expect(result.warnings.contains { $0.kind == .invalidDate && $0.detail.contains("2012-05-10T21:04") })
        #expect(result.warnings.contains { $0.kind == .literalForIRI && $0.property == "http://www.w3.org/ns/dcat#landingPage" })
        #expect(result.warnings.contains { $0.kind == .literalForIRI && $0.property == "http://www.w3.org/ns/dcat#accessURL" })
    }

    @Test func catalogueRDFWithBlankDistributions() throws {
        let result = try map("catalog.rdf")
        #expect(result.datasets.count == 2)
        let first = try #require(result.datasets.first { $0.titles.first?.value == "Example dataset 1" })
        #expect(first.distributions.count == 3 && first.keywords.count == 2)
        #expect(first.descriptions.first?.value.contains("Θεσσαλονίκη") == true)
        let second = try #require(result.datasets.first { $0.titles.first?.value == "Example dataset 2" })
        #expect(second.distributions.count == 2 && second.issued == "2012-06-21")
    }

    @Test func datasetsListedWithoutACatalogue() throws {
        let result = try map("catalog_datasets_list.rdf")
        #expect(result.datasets.count == 2)
        #expect(result.datasets.map(\.distributions.count).reduce(0, +) == 5)
    }

    @Test func flatSwedishRDFWithTheLegacyContactPoint() throws {
        let dataset = try #require(try map("dataset_sweden.rdf").datasets.first)
        #expect(dataset.iri == "http://nobelprize.org/datasets/dcat#ds1")
        #expect(dataset.titles == [LangString("Linked Nobel prizes", language: "en")])
        #expect(Set(dataset.keywords.map(\.value)) == ["Nobel prize", "prize", "science"])
        #expect(dataset.contactPoints == [RawContact(names: [LangString("Nobel Media AB")], emails: ["info@nobelmedia.org"])])
        #expect(dataset.temporal == [RawPeriod(start: "1905-03-01", end: "2013-01-05")])
        #expect(dataset.distributions.first?.accessURLs == ["http://data.nobelprize.org/"])
    }

    @Test func germanRecordWithNineDistributions() throws {
        let dataset = try #require(try map("dataset_gov_de.rdf").datasets.first)
        #expect(dataset.titles.first?.value == "Liefer- und Abholservices (Gastronomie)")
        #expect(dataset.keywords.count == 8 && dataset.keywords.contains { $0.value == "ökonomie" })
        #expect(dataset.distributions.count == 9)
        #expect(dataset.publisher?.names.first?.value == "Hanse- und Universitätsstadt Rostock")
    }

    @Test func oldTurtleWithADownloadClassAndANonISODate() throws {
        let result = try map("dataset_deri.ttl")
        let dataset = try #require(result.datasets.first)
        #expect(dataset.titles.first?.value == "Abandoned Vehicles")
        #expect(dataset.issued == "06/05/2009")
        #expect(result.warnings.contains { $0.kind == .invalidDate && $0.detail.contains("06/05/2009") })
        #expect(dataset.distributions.map(\.iri) == ["http://data.london.gov.uk/dataset/Abandoned_Vehicles/csv"])
        #expect(dataset.distributions.first?.accessURLs == ["http://data.london.gov.uk/datafiles/environment/abandoned-vehicles-borough.csv"])
    }

    @Test func multilingualTurtleKeepsEveryLanguage() throws {
        let dataset = try #require(try map("dataset_multilingual.ttl").datasets.first)
        #expect(Set(dataset.titles.compactMap(\.language)) == ["ca", "en", "es"])
        #expect(dataset.keywords.count == 6)
        #expect(dataset.contactPoints.count == 2)
    }

    @Test func healthDraftWithFullIRIs() throws {
        let result = try map("dataset_health.ttl")
        let dataset = try #require(result.datasets.first)
        #expect(result.datasets.count == 1)
        #expect(dataset.titles.first?.value == "HealthDCAT-AP test dataset")
        #expect(dataset.subjects == 7_654_321 && dataset.studies == 123_456_789)
        #expect(dataset.minTypicalAge == 0 && dataset.maxTypicalAge == 110)
        #expect(dataset.distributions.map(\.iri) == ["http://example.com/analytics"])
        #expect(dataset.temporal == [RawPeriod(start: "2020-03-01", end: "2024-12-31")])
        #expect(dataset.otherProperties["http://healthdataportal.eu/ns/health#healthCategory"]?.count == 4)
        #expect(dataset.otherProperties["https://w3id.org/dpv#hasPersonalData"]?.count == 3)
    }

    @Test func healthMultilingualInEnglishAndDutch() throws {
        let dataset = try #require(try map("dataset_health_multilingual.ttl").datasets.first)
        #expect(Set(dataset.titles) == [LangString("Health dataset", language: "en"), LangString("Gezondheidsdataset", language: "nl")])
        #expect(dataset.distributions.first?.downloadURLs.first?.hasSuffix("/resource/1.csv") == true)
    }

    @Test func podJSONLDWithEmbeddedContexts() throws {
        let dataset = try #require(try map("catalog_pod.jsonld").datasets.first)
        #expect(dataset.titles.first?.value == "U.S. Widget Manufacturing Statistics")
        #expect(dataset.distributions.count == 4)
        #expect(dataset.contactPoints.first?.names.first?.value == "Jane Doe")
        #expect(dataset.contactPoints.first?.emails == ["jane.doe@agency.gov"])
    }

    @Test func graphJSONLDCatalogue() throws {
        let dataset = try #require(try map("catalog_with_at_graph.jsonld").datasets.first)
        #expect(dataset.titles.first?.value == "Title dataset")
        #expect(dataset.contactPoints.first?.emails == ["jane.doe@agency.gov"])
        #expect(dataset.distributions.first?.downloadURLs == ["http://example2.org/files/download.zip"])
        #expect(dataset.distributions.first?.license == .iri("http://www.opendefinition.org/licenses/cc-zero"))
    }
}
