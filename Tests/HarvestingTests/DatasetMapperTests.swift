import CatalogueModel
import CatalogueTesting
import Foundation
import RDF
import Testing
@testable import Harvesting

@Suite struct DatasetMapperTests {
    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    private func mapVariants() throws -> MappingResult {
        try DatasetMapper().mapFile(at: fixture("eucaim/node-a-variants.ttl"))
    }

    @Test func mapsEveryFieldOfAEUCAIMDataset() throws {
        let lung = try #require(try mapVariants().datasets.first { $0.identifier == "lung-ct" })
        #expect(lung.iri == "https://node-a.example.org/ds/lung")
        #expect(lung.titles == [LangString("Lung CT", language: "en"), LangString("TC polmonare", language: "it")])
        #expect(lung.descriptions == [LangString("Screening CT.", language: "en")])
        #expect(lung.keywords.map(\.value) == ["lung", "screening"])
        #expect(lung.publisher == RawAgent(iri: "https://node-a.example.org/org", names: [LangString("Node A Hospital", language: "en")]))
        #expect(lung.landingPages == ["https://node-a.example.org/lung"])
        #expect(lung.accessRights == .literal("restricted"))
        #expect(lung.issued == "2021-04-01")
        #expect(lung.subjects == 1_200)
        #expect(lung.studies == 2_400)
        #expect(lung.minTypicalAge == 55 && lung.maxTypicalAge == 80.5)
        #expect(lung.conditions == [.iri("https://hyperontology.eucaim.cancerimage.eu/#CLIN1000065"), .literal("NSCLC")])
        #expect(lung.modalities == [.literal("CT")])
        #expect(lung.bodyParts == [.iri("http://snomed.info/id/39607008")])
        #expect(lung.interoperabilityLevel == .iri("https://hyperontology.eucaim.cancerimage.eu/#SPEC1000011"))
        let distribution = try #require(lung.distributions.first)
        #expect(distribution.accessURLs == ["https://negotiator.example.org/lung"])
        #expect(distribution.downloadURLs == ["https://node-a.example.org/lung.zip"])
        #expect(distribution.format == .literal("DICOM"))
    }

    @Test func readsBothHealthDCATAndBothEUCAIMNamespaces() throws {
        let result = try mapVariants()
        let breast = try #require(result.datasets.first { $0.identifier == "https://node-a.example.org/ds/breast" })
        #expect(breast.conditions == [.literal("Breast Ca")])
        #expect(breast.interoperabilityLevel == .iri("https://cancerimage.eu/ontology/EUCAIM#SPEC1000009"))
        let lung = try #require(result.datasets.first { $0.identifier == "lung-ct" })
        #expect(lung.subjects == 1_200)
        let prostate = try #require(try DatasetMapper().mapFile(at: fixture("eucaim/node-b-prostate.rdf")).datasets.first)
        #expect(prostate.subjects == 310)
        #expect(prostate.conditions == [.iri("https://cancerimage.eu/ontology/EUCAIM#CLIN1000075")])
        #expect(prostate.modalities == [.literal("PT, CT, SEG")])
        #expect(prostate.accessRights == .iri("http://publications.europa.eu/resource/authority/access-right/RESTRICTED"))
        #expect(prostate.titles.count == 2)
    }

    @Test func identifiesADatasetWithoutIdentifierByItsIRI() throws {
        #expect(try mapVariants().datasets.contains { $0.identifier == "https://node-a.example.org/ds/breast" })
    }

    @Test func skipsABlankDatasetWithoutIdentifierAndMapsTheRest() throws {
        let result = try mapVariants()
        #expect(result.datasets.count == 2)
        let unusable = result.warnings.filter { $0.kind == .unusableDataset }
        #expect(unusable.count == 1)
        #expect(unusable.first?.dataset.hasPrefix("_:") == true)
    }

    @Test func keepsTheFirstOfTwoDatasetsWithTheSameIdentifier() throws {
        let result = try mapVariants()
        #expect(result.datasets.filter { $0.identifier == "lung-ct" }.map(\.titles.first?.value) == ["Lung CT"])
        #expect(result.warnings.contains { $0.kind == .duplicateDataset && $0.dataset == "lung-ct" })
    }

    @Test func reportsUnreadableNumbersAndDatesButKeepsTheDataset() throws {
        let result = try mapVariants()
        let breast = try #require(result.datasets.first { $0.identifier.hasSuffix("/breast") })
        #expect(breast.subjects == nil)
        #expect(result.warnings.contains {
            $0.kind == .invalidNumber && $0.property == "http://healthdataportal.eu/ns/health#numberOfUniqueIndividuals"
        })
        let lung = try #require(result.datasets.first { $0.identifier == "lung-ct" })
        #expect(lung.modified == "last spring")
        #expect(result.warnings.contains { $0.kind == .invalidDate && $0.dataset == "lung-ct" })
    }

    @Test func reportsMissingMandatoryEUCAIMProperties() throws {
        let result = DatasetMapper().map(try RDFParser().parse(Data("""
            <https://e.org/d> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> "T" .
            """.utf8), format: .turtle, source: "bare.ttl"))
        let missing = result.warnings.filter { $0.kind == .missingProperty }.compactMap(\.property)
        #expect(missing.count == 3)
        #expect(missing.contains("https://cancerimage.eu/ontology/EUCAIM#hasCondition"))
    }

    @Test func mapsTheHealthDCATAPRelease8Example() throws {
        let result = try DatasetMapper().mapFile(at: fixture("healthdcat-ap/example-healthdcat-dataset.ttl"))
        let dataset = try #require(result.datasets.first)
        #expect(result.datasets.count == 1)
        #expect(dataset.identifier == "EU-HDCA-R7-ONCOLOGY-EHRS-2024")
        #expect(dataset.titles.preferred("en") == "Cross-border oncology EHR cohort 2024")
        #expect(dataset.subjects == 412_000)
        #expect(dataset.studies == 1_850_000)
        #expect(dataset.minTypicalAge == 18 && dataset.maxTypicalAge == 99)
        #expect(dataset.keywords.count == 4)
        #expect(dataset.distributions.count == 2)
        #expect(dataset.issued == "2024-01-15" && dataset.modified == "2026-03-30")
        #expect(dataset.accessRights == .iri("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC"))
        #expect(dataset.publisher?.names.preferred("en") == "Belgian National Cancer Registry")
    }
}
