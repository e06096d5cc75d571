import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Testing

@Suite struct CatalogueServiceTests {
    @Test func importedDatasetsCarryTheirMostSpecificConceptsWithCodes() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let datasets = try fixture.catalogue.datasets()
        #expect(datasets.count == 6)
        let nsclc = try #require(datasets.first { $0.node == "nl-test" && $0.id == "ds-nsclc" })
        #expect(nsclc.title == "Lung screening CT")
        #expect(nsclc.subjects == 120)
        #expect(nsclc.cancerTypes.map(\.label) == ["Non-small cell lung cancer"])
        #expect(nsclc.cancerTypes.first?.codes["oncotree"] == ["NSCLC"])
        #expect(Set(nsclc.modalities.map(\.label)) == ["Computed tomography", "Positron emission tomography"])
        #expect(nsclc.bodySites.map(\.label) == ["Lung"])
        #expect(nsclc.accessRights == "RESTRICTED")
    }

    @Test func keepsAndReportsValuesNoConceptMatches() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let odd = try #require(try fixture.catalogue.datasets().first { $0.id == "ds-odd" })
        #expect(odd.cancerTypes.isEmpty)
        #expect(odd.unmapped.contains(UnmappedValue(field: "cancerType", value: "Gliobastoma")))
        #expect(odd.unmapped.contains(UnmappedValue(field: "modality", value: "Siemens")))
        let report = try fixture.catalogue.importFiles(
            [try fixture.write([EngineFixture.dutchDatasets[4]], "again.ttl")], node: "nl-test", format: .turtle)
        #expect(report.unmapped.contains(UnmappedValue(field: "cancerType", value: "Gliobastoma")))
    }

    @Test func filterOnABroaderConceptFindsDatasetsOfNarrowerOnes() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let lung = try fixture.search("", "cancerType=icd10:C34")
        #expect(lung.total == 3)
        #expect(lung.keys == ["nl-test/ds-nsclc", "nl-test/ds-luad", "es-test/ds-nsclc"])
        let nsclc = try fixture.search("", "cancerType=oncotree:NSCLC")
        #expect(nsclc.keys == ["nl-test/ds-nsclc", "nl-test/ds-luad"])
    }

    @Test func filtersAreOredWithinAFieldAndAndedAcrossFields() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search("", "modality=dicom:MR", "modality=dicom:MG").keys == ["nl-test/ds-breast", "nl-test/ds-prostate"])
        #expect(try fixture.search("", "modality=dicom:MR", "modality=dicom:MG", "cancerType=icd10:C61").keys == ["nl-test/ds-prostate"])
        #expect(try fixture.search("", "node=es-test").total == 1)
        #expect(try fixture.search("", "accessRights=NON_PUBLIC").keys == ["nl-test/ds-prostate"])
    }

    @Test func facetWithASelectionIsCountedWithoutItsOwnFilter() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let result = try fixture.search("", "modality=dicom:MR")
        #expect(result.total == 2)
        #expect(result.facets.modality.count(labelled: "Computed tomography") == 3)
        #expect(result.facets.modality.count(labelled: "Magnetic resonance imaging") == 2)
        #expect(result.facets.node.count(labelled: "es-test") == nil)
        #expect(result.facets.node.count(labelled: "nl-test") == 2)
    }

    @Test func cancerTypeFacetIsATreeWithExactCountsPerLevel() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let facet = try fixture.search().facets.cancerType
        let cancer = try #require(facet.first { $0.label == "Cancer" })
        #expect(cancer.count == 5)
        let lung = try #require(cancer.children?.first { $0.label == "Lung cancer" })
        #expect(lung.count == 3)
        let nsclc = try #require(lung.children?.first { $0.label == "Non-small cell lung cancer" })
        #expect(nsclc.count == 2)
        #expect(nsclc.children?.map(\.label) == ["Lung adenocarcinoma"])
        #expect(nsclc.children?.first?.count == 1)
    }

    @Test func unknownFilterFieldsCodesAndNodesAreErrors() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(throws: CatalogueEngineError.unknownFilterField("colour")) { try fixture.search("", "colour=red") }
        #expect(throws: CatalogueEngineError.malformedFilter("cancerType")) { try fixture.search("", "cancerType") }
        for filter in ["cancerType=icd10:Z99", "cancerType=nosuchsystem:C50", "modality=dicom:NOPE", "node=xx-nowhere", "accessRights=SOMETIMES"] {
            let error = #expect(throws: CatalogueEngineError.self) { try fixture.search("", filter) }
            guard case .unknownFilterValue = error else {
                Issue.record("\(filter): expected unknownFilterValue, got \(String(describing: error))")
                continue
            }
        }
    }

    /// One reader of access rights: a spelling the normaliser maps in records also filters.
    @Test func accessRightsFilterTakesTheSpellingsTheNormaliserReads() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let byCode = try fixture.search("", "accessRights=PUBLIC").keys
        for spelling in ["OPEN", "open", "open_access", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"] {
            #expect(try fixture.search("", "accessRights=\(spelling)").keys == byCode, "\(spelling)")
        }
        #expect(try fixture.search("", "accessRights=non-public").keys == fixture.search("", "accessRights=NON_PUBLIC").keys)
    }

    @Test func malformedFileIsRefusedNamingFileAndLineAndNothingChanges() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let before = try fixture.catalogue.datasets()
        let good = try fixture.write([FixtureDataset(id: "ds-new", title: "New", conditions: ["\"C50\""])], "good.ttl")
        let bad = fixture.folder.appendingPathComponent("bad.ttl")
        try (FixtureDataset.turtlePrefixes + "<https://x.org/a> a dcat:Dataset ;\n  dct:title \"unterminated .\n").write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: CatalogueEngineError.self) {
            try fixture.catalogue.importFiles([good, bad], node: "nl-test", format: nil)
        }
        #expect(error?.description.contains("bad.ttl:") == true)
        #expect(try fixture.catalogue.datasets() == before)
        #expect(try fixture.search().total == 6)
    }

    @Test func datasetWithoutIdentifierOrIRIIsReportedAndTheOthersImported() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let file = try fixture.write([
            FixtureDataset(id: nil, title: "Nameless"),
            FixtureDataset(id: "ds-named", title: "Named", conditions: ["\"C50\""]),
        ], "mixed.ttl")
        let report = try fixture.catalogue.importFiles([file], node: "nl-test", format: .turtle)
        #expect(report.inserted == 1)
        #expect(report.warnings.contains { $0.kind == .unusableDataset })
        #expect(try fixture.catalogue.datasets().contains { $0.id == "ds-named" })
    }

    @Test func reimportReplacesOnlyTheSameNodesRecordsWithTheSameIds() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var changed = EngineFixture.dutchDatasets[0]
        changed.title = "Lung screening CT, second release"
        let report = try fixture.catalogue.importFiles([try fixture.write([changed], "update.ttl")], node: "nl-test", format: nil)
        #expect(report.updated == 1 && report.inserted == 0)
        let datasets = try fixture.catalogue.datasets()
        #expect(datasets.count == 6)
        #expect(datasets.first { $0.node == "nl-test" && $0.id == "ds-nsclc" }?.title == "Lung screening CT, second release")
        #expect(datasets.first { $0.node == "es-test" && $0.id == "ds-nsclc" }?.title == "Cohorte de pulmón")
        #expect(try fixture.search("second release").keys == ["nl-test/ds-nsclc"])
        // Concept labels are matched at query time as whole labels: "screening mammography" (an
        // altLabel of mammography) finds the breast dataset; the word "screening" alone is only text.
        #expect(try fixture.search("screening").keys == ["nl-test/ds-nsclc"])
        #expect(try fixture.search("screening mammography").keys == ["nl-test/ds-breast"])
        #expect(try fixture.search("second").total == 1)
    }

    @Test func freeTextIsStemmedAndCombinesWithFilters() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search("tumour").keys == ["nl-test/ds-prostate"])
        #expect(try fixture.search("tumour", "cancerType=icd10:C50").total == 0)
        #expect(try fixture.search("adenocarcinoma").keys.contains("nl-test/ds-luad"))
    }

    @Test func sortsBySubjectsModifiedAndTitle() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search(sort: .subjects).datasets.map(\.subjects) == [300, 120, 80, 60, 40, 12])
        #expect(try fixture.search(sort: .modified).datasets.first?.id == "ds-prostate")
        #expect(try fixture.search(sort: .title).datasets.first?.title == "Adenocarcinoma PET/CT")
    }

    @Test func reindexRebuildsTheIndexFromTheCatalogue() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.catalogue.configuration.indexPath)
        #expect(try fixture.catalogue.reindex() == 6)
        #expect(try fixture.search().total == 6)
        #expect(try fixture.search("", "cancerType=oncotree:NSCLC").total == 2)
    }

    @Test func pagesThroughResultsWithAnExactTotal() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let first = try fixture.catalogue.search(SearchQuery(perPage: 4))
        let second = try fixture.catalogue.search(SearchQuery(page: 2, perPage: 4))
        #expect(first.total == 6 && second.total == 6)
        #expect(first.datasets.count == 4 && second.datasets.count == 2)
        #expect(Set(first.datasets.map(\.id) + second.datasets.map(\.id)).count == 5)
    }
}

@Suite struct EmptyCatalogueTests {
    @Test func searchingAnEmptyCatalogueFindsNothingRatherThanFailing() throws {
        let folder = try ProjectPaths.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
        let result = try catalogue.search(SearchQuery())
        #expect(result.total == 0 && result.datasets.isEmpty)
        #expect(try catalogue.datasets().isEmpty)
    }

    @Test func aMissingVocabularyFolderIsAClearError() throws {
        let folder = try ProjectPaths.temporaryDirectory("novocab")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: CatalogueEngineError.vocabulariesNotFound(searched: folder.appendingPathComponent("none").path)) {
            try CatalogueService.open(CatalogueConfiguration(home: folder, vocabularies: folder.appendingPathComponent("none")))
        }
    }

    @Test func aSearchAfterAnImportInTheSameProcessSeesTheNewDatasets() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search().total == 6)
        _ = try fixture.catalogue.importFiles(
            [try fixture.write([FixtureDataset(id: "ds-late", title: "Late arrival", conditions: ["\"C50\""])], "late.ttl")],
            node: "es-test", format: .turtle)
        #expect(try fixture.search().total == 7)
        #expect(try fixture.search("arrival").keys == ["es-test/ds-late"])
    }
}
