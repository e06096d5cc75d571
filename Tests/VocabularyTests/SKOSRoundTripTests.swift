import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Vocabulary

/// `Vocabularies/` is the SKOS writer's own output: loading it and writing it back gives the same
/// bytes, and what is written loads back to the same concepts.
@Suite struct SKOSRoundTripTests {
    @Test func writingTheShippedVocabulariesGivesTheShippedFilesByteForByte() throws {
        let folder = ProjectPaths.project("Vocabularies")
        for (name, text) in SKOSWriter.files(Shipped.vocabulary.allConcepts) {
            let shipped = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text == shipped, "\(name)")
        }
        let written = Set(SKOSWriter.files(Shipped.vocabulary.allConcepts).map(\.name))
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ttl") })
        #expect(written == onDisk)
    }

    @Test func writtenFilesLoadBackToTheSameConcepts() throws {
        var concepts = Shipped.vocabulary.allConcepts
        // Exercise what the shipped files do not have: deprecation, unknown notation types, escapes.
        let index = try #require(concepts.firstIndex { $0.iri == Shipped.ct("sclc") })
        concepts[index].deprecated = true
        concepts[index].replacedBy = Shipped.ct("lung-cancer")
        concepts[index].topConcept = false
        concepts[index].notations.append(Notation(type: NotationType(rawValue: "https://example.org/codes#X"), code: "X\"1"))
        concepts[index].scopeNotes.append(LangString("line one\nline \\two\\", language: "en"))
        let folder = try ProjectPaths.temporaryDirectory("skos-roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SKOSWriter.write(concepts, to: folder)
        let loaded = try Vocabulary.load(from: folder)
        for concept in concepts {
            let back = try #require(loaded.concept(iri: concept.iri))
            #expect(ConceptDiff.lines(from: concept, to: back).isEmpty, "\(concept.iri)")
        }
        #expect(loaded.count == concepts.count)
    }

    @Test func schemesAndCodeListsAreLoaded() {
        let vocabulary = Shipped.vocabulary
        #expect(vocabulary.concepts(in: .tier).map(\.label) == ["Tier 1", "Tier 2", "Tier 3", "Tier 3A+"])
        #expect(vocabulary.concepts(in: .sex).count == 2)
        #expect(vocabulary.concepts(in: .accessCondition).count == 3)
        #expect(vocabulary.concepts(in: .datasetType).count == 3)
        #expect(vocabulary.concepts(in: .collectionMethod).count == 7)
        // DICOM acquisition modalities and derived objects are separate branches.
        let derived = Set(vocabulary.descendants(of: Shipped.mod("derived-object")))
        #expect(derived.isSuperset(of: [Shipped.mod("segmentation"), Shipped.mod("rtstruct"), Shipped.mod("structured-report")]))
        #expect(derived.isDisjoint(with: vocabulary.descendants(of: Shipped.mod("acquisition-modality"))))
    }
}
