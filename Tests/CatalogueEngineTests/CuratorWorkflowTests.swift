import CatalogueModel
import CatalogueTesting
import Foundation
import GRDB
import Testing
@testable import CatalogueEngine

/// The curators' loop through the engine: the unmapped queue, edits that re-normalise and update
/// search at once, refused edits, history and undo, export and import.
@Suite struct CuratorWorkflowTests {
    let curator = CatalogueService.ChangeAuthor(name: "curator-a", reason: "test")
    static let base = "https://w3id.org/imaging-catalogue/vocab/"

    private func concepts(_ fixture: EngineFixture, _ node: String, _ id: String) throws -> [String] {
        try fixture.catalogue.datasets().first { $0.node == node && $0.id == id }?.cancerTypes.map(\.concept) ?? []
    }

    @Test func mappingAQueuedValueRenormalisesItsDatasetsAndSearchFindsThemAtOnce() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let queue = try fixture.catalogue.unmappedValues()
        let typo = try #require(queue.first { $0.field == "cancerType" && $0.value == "Gliobastoma" })
        #expect(typo.nodes == ["nl-test": 1])
        #expect(try fixture.search("", "cancerType=\(Self.base)cancer-type/glioma").total == 0)

        let report = try fixture.catalogue.applyVocabularyEdit(
            .mapValue(value: "Gliobastoma", concept: Self.base + "cancer-type/glioblastoma"), by: curator)
        #expect(report.datasetsRenormalised == 1 && report.datasetsChanged == 1)
        #expect(try concepts(fixture, "nl-test", "ds-odd") == [Self.base + "cancer-type/glioblastoma"])
        #expect(try fixture.catalogue.unmappedValues().contains { $0.value == "Gliobastoma" } == false)
        // Found under its ancestor at once, and by the new hidden label as search text.
        #expect(try fixture.search("", "cancerType=\(Self.base)cancer-type/glioma").keys == ["nl-test/ds-odd"])
        #expect(try fixture.search("gliobastoma").keys == ["nl-test/ds-odd"])
    }

    @Test func anEditTouchesOnlyTheDatasetsWhoseLookupsItChanges() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let report = try fixture.catalogue.applyVocabularyEdit(
            .addLabel(concept: Self.base + "imaging-modality/mr", label: LangString("Siemens", language: "en"), kind: .hidden), by: curator)
        #expect(report.datasetsRenormalised == 1)
        #expect(try fixture.catalogue.datasets().first { $0.id == "ds-odd" }?.modalities.map(\.concept) == [Self.base + "imaging-modality/mr"])
    }

    @Test func aHierarchyEditMovesDatasetsInTheFacetTree() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        // The prostate dataset moves under a new concept; a filter on it finds the dataset at once.
        try fixture.catalogue.applyVocabularyEdit(
            .addConcept(scheme: .cancerType, id: "genitourinary-cancer", prefLabel: LangString("Genitourinary cancer", language: "en"),
                        broader: [Self.base + "cancer-type/cancer"]), by: curator)
        let report = try fixture.catalogue.applyVocabularyEdit(
            .setBroader(concept: Self.base + "cancer-type/prostate-cancer", broader: [Self.base + "cancer-type/genitourinary-cancer"]), by: curator)
        #expect(report.datasetsRenormalised == 1)
        #expect(try fixture.search("", "cancerType=\(Self.base)cancer-type/genitourinary-cancer").keys == ["nl-test/ds-prostate"])
        #expect(try fixture.search("genitourinary cancer").keys == ["nl-test/ds-prostate"])
    }

    @Test func refusedEditsSayWhyAndChangeNothing() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let before = try fixture.catalogue.vocabularyHistory()
        let cases: [(VocabularyEdit, String)] = [
            (.setBroader(concept: Self.base + "cancer-type/cancer", broader: [Self.base + "cancer-type/nsclc"]), "cycle"),
            (.addLabel(concept: Self.base + "cancer-type/breast-cancer", label: LangString("NSCLC", language: "en"), kind: .alt), "the label \"nsclc\" belongs to"),
            (.addCode(concept: Self.base + "cancer-type/breast-cancer", system: .icd10, code: "C61"), "the code icd10:C61 is on"),
            (.addConcept(scheme: .cancerType, id: "floating", prefLabel: LangString("Floating", language: "en"), broader: []), "has no broader concept"),
            (.addLabel(concept: Self.base + "cancer-type/lung-cancer", label: LangString("Kidney cancer", language: "en"), kind: .pref), "same prefLabel"),
            (.removeLabel(concept: Self.base + "cancer-type/lung-cancer", label: LangString("Lung cancer", language: "en")), "is the prefLabel"),
            (.deprecate(concept: Self.base + "cancer-type/nsclc", replacement: Self.base + "cancer-type/nsclc"), "cannot refer to itself"),
            (.addConcept(scheme: .cancerType, id: "Bad Id", prefLabel: LangString("x", language: "en"), broader: [Self.base + "cancer-type/cancer"]), "is not a concept id"),
        ]
        for (edit, reason) in cases {
            let error = #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.applyVocabularyEdit(edit, by: curator) }
            #expect(error.map { String(describing: $0).contains(reason) } == true, "\(edit): \(String(describing: error))")
        }
        #expect(try fixture.catalogue.vocabularyHistory() == before)
        #expect(try concepts(fixture, "nl-test", "ds-nsclc") == [Self.base + "cancer-type/nsclc"])
    }

    @Test func anEditNeedsAnAuthorAndAReason() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let edit = VocabularyEdit.addLabel(concept: Self.base + "cancer-type/nsclc", label: LangString("x-nsclc"), kind: .hidden)
        #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.applyVocabularyEdit(edit, by: .init(name: "", reason: "r")) }
        #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.applyVocabularyEdit(edit, by: .init(name: "a", reason: " ")) }
    }

    @Test func undoRevertsTheLastChangeAndItsDatasets() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try fixture.catalogue.applyVocabularyEdit(.mapValue(value: "Gliobastoma", concept: Self.base + "cancer-type/glioblastoma"), by: curator)
        let undo = try fixture.catalogue.undoVocabularyChange(by: curator)
        #expect(undo.kind == "undo" && undo.datasetsChanged == 1)
        #expect(try concepts(fixture, "nl-test", "ds-odd").isEmpty)
        #expect(try fixture.catalogue.unmappedValues().contains { $0.value == "Gliobastoma" })
        #expect(try fixture.search("gliobastoma").total == 0)
        let history = try fixture.catalogue.vocabularyHistory()
        #expect(history.map(\.kind) == ["undo", "map", "load"])
        #expect(history[1].revertedBy == history[0].id && history[0].reverts == history[1].id)
        #expect(history[1].author == "curator-a" && history[1].reason == "test")
        // Nothing left to undo but the initial load, which cannot be undone.
        #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.undoVocabularyChange(by: curator) }
    }

    @Test func aNamedChangeIsUndoneOnlyWhenNoLaterChangeDependsOnIt() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let added = try fixture.catalogue.applyVocabularyEdit(
            .addConcept(scheme: .cancerType, id: "thymoma", prefLabel: LangString("Thymoma", language: "en"), broader: [Self.base + "cancer-type/cancer"]), by: curator)
        let labelled = try fixture.catalogue.applyVocabularyEdit(
            .addLabel(concept: Self.base + "cancer-type/thymoma", label: LangString("thymic epithelial tumour", language: "en"), kind: .alt), by: curator)
        let other = try fixture.catalogue.applyVocabularyEdit(
            .addLabel(concept: Self.base + "cancer-type/nsclc", label: LangString("NSCLC tumour", language: "en"), kind: .hidden), by: curator)
        let refused = #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.undoVocabularyChange(added.change, by: curator) }
        #expect(refused.map { String(describing: $0).contains("#\(labelled.change)") } == true)
        try fixture.catalogue.undoVocabularyChange(labelled.change, by: curator)
        try fixture.catalogue.undoVocabularyChange(added.change, by: curator)
        #expect(throws: CatalogueEngineError.self, "thymoma is gone") { try fixture.catalogue.resolveConcept("ct:thymoma") }
        #expect(try fixture.search("NSCLC tumour").total == 2, "the unrelated change #\(other.change) stays")
    }

    @Test func deprecatingWithAReplacementMovesItsDatasets() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let report = try fixture.catalogue.applyVocabularyEdit(
            .merge(source: Self.base + "cancer-type/lung-adenocarcinoma", target: Self.base + "cancer-type/nsclc"), by: curator)
        #expect(report.datasetsChanged == 1)
        let luad = try fixture.catalogue.datasets().first { $0.id == "ds-luad" }
        #expect(luad?.cancerTypes.map(\.concept) == [Self.base + "cancer-type/nsclc"])
        #expect(try fixture.catalogue.checkVocabulary().filter { $0.severity == .error }.isEmpty)
        // The merged concept's labels now name the target.
        #expect(try fixture.search("LUAD").keys == ["nl-test/ds-luad", "nl-test/ds-nsclc"])
    }

    @Test func exportThenImportOfTheSameFilesChangesNothing() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try fixture.catalogue.applyVocabularyEdit(.mapValue(value: "Gliobastoma", concept: Self.base + "cancer-type/glioblastoma"), by: curator)
        let folder = fixture.folder.appendingPathComponent("export")
        let files = try fixture.catalogue.exportVocabulary(to: folder)
        let (diff, report) = try fixture.catalogue.importVocabulary(files, scheme: nil, apply: true, by: curator)
        #expect(diff.added.isEmpty && diff.changed.isEmpty, "\(diff.changed.map(\.lines))")
        #expect(report == nil)
        let text = try String(contentsOf: folder.appendingPathComponent("cancer-types.ttl"), encoding: .utf8)
        #expect(text.contains("skos:hiddenLabel \"Gliobastoma\"@en"))
    }

    @Test func importShowsTheDifferenceBeforeApplyingIt() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let file = fixture.folder.appendingPathComponent("extra.ttl")
        try Data("""
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <https://example.org/onc/thymoma> a skos:Concept ; skos:inScheme <https://example.org/onc> ;
              skos:prefLabel "Thymoma"@en ; skos:broader <\(Self.base)cancer-type/cancer> .
            <\(Self.base)cancer-type/nsclc> a skos:Concept ; skos:inScheme <\(Self.base)cancer-type> ;
              skos:prefLabel "Non-small cell lung cancer"@en ; skos:altLabel "NSCLC"@en ; skos:broader <\(Self.base)cancer-type/lung-cancer> .
            """.utf8).write(to: file)
        #expect(throws: CatalogueEngineError.self) { try fixture.catalogue.importVocabulary([file], scheme: nil, apply: false, by: curator) }
        let (preview, nothing) = try fixture.catalogue.importVocabulary([file], scheme: .cancerType, apply: false, by: curator)
        #expect(nothing == nil)
        #expect(preview.added.map(\.concept) == ["https://example.org/onc/thymoma"])
        #expect(preview.changed.map(\.concept) == [Self.base + "cancer-type/nsclc"])
        #expect(preview.changed[0].lines.contains("- altLabel \"non-small cell lung carcinoma\"@en"))
        #expect(throws: CatalogueEngineError.self, "nothing applied") { try fixture.catalogue.resolveConcept("https://example.org/onc/thymoma") }
    }

    @Test func searchMatchesLabelsInEveryLanguageAndSuggestsSpelling() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let lung: Set = ["es-test/ds-nsclc", "nl-test/ds-luad", "nl-test/ds-nsclc"]
        for text in ["Lungenkrebs", "carcinome pulmonaire", "lung cancer", "cáncer de pulmón", "cancers, lung"] {
            #expect(try fixture.search(text).keys == lung, "\(text)")
        }
        #expect(try fixture.search("NSCLC").keys == ["nl-test/ds-luad", "nl-test/ds-nsclc"])
        #expect(try fixture.search("Lungenkrebs PET/CT").keys == ["nl-test/ds-luad"], "two concepts, both required")
        let misspelt = try fixture.search("lungenkrebss")
        #expect(misspelt.total == 0 && misspelt.suggestion == "lungenkrebs")
        #expect(try fixture.search("Lungenkrebs").suggestion == nil)
        #expect(try fixture.search("screening").suggestion == nil, "a word of the index is not corrected")
    }
}

/// A catalogue written before the vocabularies and the lookups were stored is upgraded when opened.
@Suite struct VocabularyUpgradeTests {
    @Test func aCatalogueWithoutStoredVocabulariesIsSeededRenormalisedAndReindexed() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let configuration = fixture.catalogue.configuration
        let queue = try DatabaseQueue(path: configuration.storePath.path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM vocabularyChange; DELETE FROM vocabularyConcept; DELETE FROM normalisationProbe")
        }
        try queue.close()
        let reopened = try CatalogueService.open(configuration)
        let report = try reopened.applyVocabularyEdit(
            .mapValue(value: "Gliobastoma", concept: CuratorWorkflowTests.base + "cancer-type/glioblastoma"),
            by: .init(name: "curator-a", reason: "test"))
        #expect(report.datasetsChanged == 1, "the dataset's lookups were recorded on upgrade")
        #expect(try reopened.search(SearchQuery(text: "gliobastoma")).total == 1)
        #expect(try reopened.vocabularyHistory().map(\.kind) == ["map", "load"])
    }
}
