import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Vocabulary

/// The shipped vocabularies, loaded once for the suites that read them.
enum Shipped {
    static let vocabulary: Vocabulary = {
        do { return try Vocabulary.load(from: ProjectPaths.project("Vocabularies")) } catch { fatalError("\(error)") }
    }()
    static let base = "https://w3id.org/imaging-catalogue/vocab/"
    static func ct(_ id: String) -> String { base + "cancer-type/" + id }
    static func mod(_ id: String) -> String { base + "imaging-modality/" + id }
    static func bs(_ id: String) -> String { base + "body-site/" + id }
}

@Suite struct VocabularyTests {
    let vocabulary = Shipped.vocabulary

    @Test func loadsTheThreeShippedSchemes() {
        #expect(vocabulary.concepts(in: .cancerType).count == 78)
        #expect(vocabulary.concepts(in: .modality).count == 35)
        #expect(vocabulary.concepts(in: .bodySite).count == 44)
    }

    @Test func readsLabelsCodesAndMatchesOfAConcept() throws {
        let lung = try #require(vocabulary.concept(iri: Shipped.ct("lung-cancer")))
        #expect(lung.label == "Lung cancer")
        #expect(lung.prefLabels["de"] == "Lungenkrebs")
        #expect(lung.codes[.icd10] == ["C34"])
        #expect(lung.codes[.oncotree] == ["LUNG"])
        #expect(lung.codes[.ncit] == ["C4878"])
        #expect(lung.codes[.snomed] == ["93880001"])
        #expect(lung.altLabels.contains(LangString("bronchogenic carcinoma", language: "en")))
        let cancer = try #require(vocabulary.concept(iri: Shipped.ct("cancer")))
        #expect(cancer.codes[.icd10] == ["C00-C97"])
        #expect(cancer.codes[.eucaim] == ["CLIN1007977"])
        #expect(vocabulary.concept(iri: Shipped.mod("mr"))?.codes[.dicom] == ["MR"])
    }

    @Test func walksThePolyhierarchy() {
        #expect(vocabulary.ancestors(of: Shipped.ct("lung-adenocarcinoma")) == [Shipped.ct("nsclc"), Shipped.ct("lung-cancer"), Shipped.ct("cancer")])
        #expect(Set(vocabulary.ancestors(of: Shipped.mod("pet-ct"))).isSuperset(of: [Shipped.mod("pet"), Shipped.mod("ct")]))
        #expect(vocabulary.children(of: Shipped.ct("nsclc")).map(\.label) == ["Lung adenocarcinoma", "Lung squamous cell carcinoma"])
        #expect(Set(vocabulary.descendants(of: Shipped.ct("lung-cancer"))) == Set(["nsclc", "lung-adenocarcinoma", "lung-squamous-cell-carcinoma", "sclc"].map(Shipped.ct)))
        #expect(vocabulary.topConcepts(in: .cancerType).map(\.label).contains("Cancer"))
    }

    @Test func resolvesFilterValuesWrittenAsCodesOrIRIs() throws {
        #expect(try vocabulary.resolveFilterValue("icd10:C50", in: .cancerType).map(\.iri) == [Shipped.ct("breast-cancer")])
        #expect(try vocabulary.resolveFilterValue("oncotree:NSCLC", in: .cancerType).map(\.iri) == [Shipped.ct("nsclc")])
        #expect(try vocabulary.resolveFilterValue("dicom:MR", in: .modality).map(\.iri) == [Shipped.mod("mr")])
        #expect(try vocabulary.resolveFilterValue("icd10:C34.9", in: .cancerType).map(\.iri) == [Shipped.ct("lung-cancer")])
        #expect(try vocabulary.resolveFilterValue("https://cancerimage.eu/ontology/EUCAIM#CLIN1000075", in: .cancerType).map(\.iri) == [Shipped.ct("prostate-cancer")])
        #expect(try vocabulary.resolveFilterValue("https://hyperontology.eucaim.cancerimage.eu/#CLIN1000075", in: .cancerType).map(\.iri) == [Shipped.ct("prostate-cancer")])
        #expect(try vocabulary.resolveFilterValue(Shipped.bs("liver"), in: .bodySite).map(\.iri) == [Shipped.bs("liver")])
    }

    @Test func refusesUnknownSystemsCodesAndIRIs() {
        #expect(throws: VocabularyError.unknownCodeSystem("loinc")) { try vocabulary.resolveFilterValue("loinc:123", in: .cancerType) }
        #expect(throws: VocabularyError.unknownCode(system: "icd10", code: "Z99", scheme: "cancerType")) {
            try vocabulary.resolveFilterValue("icd10:Z99", in: .cancerType)
        }
        #expect(throws: VocabularyError.self) { try vocabulary.resolveFilterValue("dicom:MR", in: .cancerType) }
        #expect(throws: VocabularyError.self) { try vocabulary.resolveFilterValue("https://e.org/none", in: .bodySite) }
        #expect(throws: VocabularyError.notAConceptReference("lung")) { try vocabulary.resolveFilterValue("lung", in: .cancerType) }
    }
}

@Suite struct VocabularyLoadingTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = try ProjectPaths.temporaryDirectory("vocab")
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    static let prefixes = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix ct: <https://w3id.org/imaging-catalogue/vocab/cancer-type/> .

        """

    @Test func reportsAMalformedFileWithItsNameAndLine() throws {
        let folder = try folder(["broken.ttl": Self.prefixes + "ct:a a skos:Concept ;\n  skos:prefLabel \"A\"@en ;\n  skos:inScheme <https://w3id.org/imaging-catalogue/vocab/cancer-type ."])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: VocabularyError.self) { try Vocabulary.load(from: folder) }
        #expect(error?.description.hasPrefix("broken.ttl:") == true)
    }

    @Test func refusesABroaderCycle() throws {
        let scheme = "skos:inScheme <https://w3id.org/imaging-catalogue/vocab/cancer-type>"
        let folder = try folder(["cycle.ttl": Self.prefixes + """
            ct:a a skos:Concept ; skos:prefLabel "A"@en ; \(scheme) ; skos:broader ct:b .
            ct:b a skos:Concept ; skos:prefLabel "B"@en ; \(scheme) ; skos:broader ct:a .
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: VocabularyError.self) { try Vocabulary.load(from: folder) }
        guard case .broaderCycle = error else { Issue.record("expected a cycle, got \(String(describing: error))"); return }
    }

    @Test func refusesABroaderConceptThatDoesNotExist() throws {
        let folder = try folder(["dangling.ttl": Self.prefixes + """
            ct:a a skos:Concept ; skos:prefLabel "A"@en ; skos:inScheme <https://w3id.org/imaging-catalogue/vocab/cancer-type> ; skos:broader ct:missing .
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: VocabularyError.danglingBroader(concept: "https://w3id.org/imaging-catalogue/vocab/cancer-type/a", broader: "https://w3id.org/imaging-catalogue/vocab/cancer-type/missing")) {
            try Vocabulary.load(from: folder)
        }
    }

    @Test func refusesAConceptWithoutPrefLabelAndAMissingFolder() throws {
        let folder = try folder(["nolabel.ttl": Self.prefixes + "ct:a a skos:Concept ; skos:inScheme <https://w3id.org/imaging-catalogue/vocab/cancer-type> .\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: VocabularyError.conceptWithoutPrefLabel(concept: "https://w3id.org/imaging-catalogue/vocab/cancer-type/a", file: "nolabel.ttl")) {
            try Vocabulary.load(from: folder)
        }
        #expect(throws: VocabularyError.folderMissing("/nonexistent/vocab")) { try Vocabulary.load(from: URL(fileURLWithPath: "/nonexistent/vocab")) }
    }
}
