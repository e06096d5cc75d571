import CatalogueModel
import Testing
@testable import Vocabulary

/// Each quality check fires on the defect it names, and the shipped vocabularies pass them all.
@Suite struct QualityCheckTests {
    static let root = Concept(iri: "https://x.org/c/root", scheme: .cancerType, prefLabels: ["en": "Root"], topConcept: true)

    private func concept(_ id: String, _ label: String, broader: [String] = ["https://x.org/c/root"], alt: [String] = [],
                         codes: [CodeSystem: [String]] = [:]) -> Concept {
        Concept(iri: "https://x.org/c/" + id, scheme: .cancerType, prefLabels: ["en": label],
                altLabels: alt.map { LangString($0, language: "en") }, broader: broader, codes: codes)
    }

    private func checks(_ concepts: [Concept], usage: [String: Int] = [:]) throws -> Set<String> {
        Set(QualityCheck.run(try Vocabulary(concepts: [Self.root] + concepts), usage: usage).map(\.check))
    }

    @Test func theShippedVocabulariesPassEveryCheck() {
        #expect(QualityCheck.run(Shipped.vocabulary).isEmpty)
    }

    @Test func findsEachDefect() throws {
        #expect(try checks([concept("a", "A", broader: [])]).contains("orphan") == false, "no broader and declared top: fine")
        var orphan = concept("a", "A", broader: [])
        orphan.topConcept = false
        #expect(try checks([orphan]) == ["orphan"])
        #expect(try checks([concept("a", "Same"), concept("b", "Same")]).contains("duplicatePrefLabel"))
        #expect(try checks([concept("a", "A", alt: ["shared"]), concept("b", "B", alt: ["Shared!"])]) == ["sharedLabel"])
        #expect(try checks([concept("a", "A", codes: [.icd10: ["C34"]]), concept("b", "B", codes: [.icd10: ["C34"]])]) == ["sharedCode"])
        #expect(try checks([concept("a", "A", codes: [.icdo3: ["8140/3"]]), concept("b", "B", codes: [.icdo3: ["8140/3"]])]).isEmpty,
                "a morphology is shared by design")
        var german = concept("a", "A")
        german.prefLabels = ["de": "Nur Deutsch"]
        #expect(try checks([german]) == ["missingEnglishPrefLabel"])
        var unknown = concept("a", "A")
        unknown.notations = [Notation(type: NotationType(rawValue: "https://x.org/codes"), code: "7")]
        #expect(try checks([unknown]) == ["unknownCodeSystem"])
        var old = concept("a", "A")
        old.deprecated = true
        #expect(try checks([old], usage: ["https://x.org/c/a": 3]) == ["deprecatedInUse"])
        #expect(try checks([old]).isEmpty)
    }

    @Test func aCycleIsRefusedWhenTheVocabularyIsBuilt() {
        let a = concept("a", "A", broader: ["https://x.org/c/b"]), b = concept("b", "B", broader: ["https://x.org/c/a"])
        #expect(throws: VocabularyError.self) { try Vocabulary(concepts: [Self.root, a, b]) }
    }

    @Test func anEditIsRefusedOnlyForTheErrorsItIntroduces() throws {
        let vocabulary = try Vocabulary(concepts: [Self.root, concept("a", "A", codes: [.icd10: ["C34"]]), concept("b", "B", codes: [.icd10: ["C34"]])])
        // The vocabulary already has a shared code; an unrelated edit still goes through.
        let change = try vocabulary.applying(.addLabel(concept: "https://x.org/c/a", label: LangString("alpha", language: "en"), kind: .alt))
        #expect(change.after.first?.altLabels == [LangString("alpha", language: "en")])
        #expect(throws: VocabularyEditError.self) {
            try vocabulary.applying(.addLabel(concept: "https://x.org/c/a", label: LangString("B", language: "en"), kind: .alt))
        }
    }
}
