import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import CohortCounts
import Foundation
import Testing

/// Node mode end to end: subjects imported from a file, counted through the disclosure policy.
@Suite("Subjects and cohort counts")
struct SubjectCountTests {
    /// 200 subjects of `nl-test/ds-breast`: rows 0–119 women with breast cancer on MR aged 50–69,
    /// 120–124 men with breast cancer (5: always "<10"), the rest women aged 30–39 without a diagnosis.
    static func subjectFile(in folder: URL, extraDiagnosis: String = "") throws -> URL {
        var lines = ["subject,sex,age_at_diagnosis,diagnosis,modality,body_site"]
        for number in 0..<200 {
            switch number {
            case 0..<120: lines.append("NL-\(number),F,\(50 + number % 20),Invasive breast carcinoma,MR,BREAST")
            case 120..<125: lines.append("NL-\(number),M,\(60 + number % 5),Breast cancer,MR,BREAST")
            default: lines.append("NL-\(number),F,\(30 + number % 10),\(extraDiagnosis),MG,BREAST")
            }
        }
        let file = folder.appendingPathComponent("subjects.csv")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static let dataset = DatasetKey(node: "nl-test", id: "ds-breast")

    func released(_ answer: CohortAnswer) -> ProtectedCount? { answer.datasets.first { $0.dataset == Self.dataset }?.subjects }

    @Test func countsAreReleasedNoisedRoundedOrBelowTenAndTheSameHoweverPhrased() throws {
        let fixture = try EngineFixture()
        let report = try fixture.catalogue.importSubjects(try Self.subjectFile(in: fixture.folder), dataset: Self.dataset)
        #expect(report.subjects == 200 && report.changed)

        let sizes = try fixture.catalogue.countSubjects([])
        let size = try #require(released(sizes)?.releasedValue)
        #expect(abs(size - 200) <= 15 && size % 10 == 0)

        let women = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50"), ("sex", "female"), ("age", "50-69"), ("modality", "dicom:MR")])
        let value = try #require(released(women)?.releasedValue)
        #expect(abs(value - 120) <= 15 && value % 10 == 0)
        let rephrased = try fixture.catalogue.countSubjects([("modality", "dicom:MR"), ("age", "50-69"), ("sex", "F"), ("cancerType", "icd10:C50")])
        #expect(rephrased == women)

        let men = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50"), ("sex", "male")])
        #expect(released(men)?.isSuppressed == true)
        #expect(men.total.subjects == 0 && men.total.suppressedDatasets == 1)
        let nobody = try fixture.catalogue.countSubjects([("age", "90+")])
        #expect(released(nobody)?.isSuppressed == true)

        // Women with breast cancer: 120 of the 195 women; all women but those 75 — complement rule.
        let allButFive = try fixture.catalogue.countSubjects([("bodySite", "dicom:BREAST"), ("sex", "female")])
        #expect(released(allButFive) == released(sizes), "N − n = 5 < 10: the dataset's own size is released")
    }

    @Test func aBadFileChangesNothingAndTheSameFileAgainIsUnchanged() throws {
        let fixture = try EngineFixture()
        let file = try Self.subjectFile(in: fixture.folder)
        _ = try fixture.catalogue.importSubjects(file, dataset: Self.dataset)
        let before = try fixture.catalogue.countSubjects([("sex", "female")])
        #expect(try fixture.catalogue.importSubjects(file, dataset: Self.dataset).changed == false)

        let bad = fixture.folder.appendingPathComponent("bad.csv")
        try "subject,sex,age_at_diagnosis\nX1,F,40\nX2,F,200\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: SubjectFileError.self) { try fixture.catalogue.importSubjects(bad, dataset: Self.dataset) }
        #expect(try fixture.catalogue.countSubjects([("sex", "female")]) == before)
        #expect(throws: (any Error).self) { try fixture.catalogue.importSubjects(file, dataset: DatasetKey(node: "nl-test", id: "absent")) }
        #expect(try fixture.catalogue.subjectImports().map(\.dataset) == [Self.dataset])
    }

    @Test func aVocabularyEditReachesTheSubjectsItMaps() throws {
        let fixture = try EngineFixture()
        let report = try fixture.catalogue.importSubjects(try Self.subjectFile(in: fixture.folder, extraDiagnosis: "Mammakarzinom lobulär"), dataset: Self.dataset)
        #expect(report.unmapped.contains { $0.field == "cancerType" && $0.value == "Mammakarzinom lobulär" && $0.subjects == 75 })
        let before = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50")])
        let breastCancer = try fixture.catalogue.resolveConcept("ct:breast-cancer")
        _ = try fixture.catalogue.applyVocabularyEdit(
            .mapValue(value: "Mammakarzinom lobulär", concept: breastCancer), by: .init(name: "curator", reason: "German label seen in subjects"))
        let after = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50")])
        #expect(released(after) != released(before))
        #expect(released(after) == released(try fixture.catalogue.countSubjects([])), "now every subject has breast cancer")
    }

    @Test func aMissingCohortIndexIsRebuiltAtOpening() throws {
        let fixture = try EngineFixture()
        _ = try fixture.catalogue.importSubjects(try Self.subjectFile(in: fixture.folder), dataset: Self.dataset)
        let before = try fixture.catalogue.countSubjects([("sex", "female")])
        try FileManager.default.removeItem(at: fixture.catalogue.configuration.cohortIndexPath)
        let reopened = try CatalogueService.open(fixture.catalogue.configuration)
        #expect(reopened.openingNotices.contains { $0.contains("cohort index") })
        #expect(try reopened.countSubjects([("sex", "female")]) == before)
    }

    @Test func aRefusedQueryNamesItsProblem() throws {
        let fixture = try EngineFixture()
        _ = try fixture.catalogue.importSubjects(try Self.subjectFile(in: fixture.folder), dataset: Self.dataset)
        #expect(throws: CohortQueryError.negation(field: "sex", value: "!female")) { try fixture.catalogue.countSubjects([("sex", "!female")]) }
        #expect(throws: CohortQueryError.ageNotWholeBands("45-64")) { try fixture.catalogue.countSubjects([("age", "45-64")]) }
    }
}
