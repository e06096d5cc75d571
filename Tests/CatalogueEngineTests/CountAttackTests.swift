import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import CohortCounts
import Foundation
import Testing

/// The attacks of privacy.md §4 run against the released counts: none may reveal an exact count
/// below 10 or narrow a suppressed cell.
@Suite("Attacks on cohort counts")
struct CountAttackTests {
    static let big = DatasetKey(node: "nl-test", id: "ds-breast")
    static let small = DatasetKey(node: "nl-test", id: "ds-prostate")

    /// `big`: 150 women with breast cancer on MR, ages spread; `small`: `smallMen` men with prostate cancer.
    /// The same node secret in every catalogue of a test, so that the same subjects get the same
    /// noise and catalogues differing in one subject can be compared.
    static let secret = Data(repeating: 42, count: 32).base64EncodedString()

    func catalogue(smallMen: Int, bigMen: Int = 0) throws -> EngineFixture {
        let fixture = try EngineFixture()
        let secretFile = fixture.catalogue.configuration.nodeSecretPath
        FileManager.default.createFile(atPath: secretFile.path, contents: Data((Self.secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
        var rows = ["subject,sex,age_at_diagnosis,diagnosis,modality,body_site"]
        for number in 0..<150 { rows.append("B\(number),F,\(40 + number % 40),Breast cancer,MR,BREAST") }
        for number in 0..<bigMen { rows.append("BM\(number),M,\(60 + number),Breast cancer,MR,BREAST") }
        let bigFile = fixture.folder.appendingPathComponent("big.csv")
        try rows.joined(separator: "\n").write(to: bigFile, atomically: true, encoding: .utf8)
        _ = try fixture.catalogue.importSubjects(bigFile, dataset: Self.big)
        let smallRows = ["subject,sex,age_at_diagnosis,diagnosis,modality,body_site"] + (0..<smallMen).map { "P\($0),M,\(60 + $0),Prostate cancer,MR,PROSTATE" }
        let smallFile = fixture.folder.appendingPathComponent("small.csv")
        try smallRows.joined(separator: "\n").write(to: smallFile, atomically: true, encoding: .utf8)
        _ = try fixture.catalogue.importSubjects(smallFile, dataset: Self.small)
        return fixture
    }

    func released(_ answer: CohortAnswer, _ key: DatasetKey) -> ProtectedCount? { answer.datasets.first { $0.dataset == key }?.subjects }

    @Test func totalsDoNotMoveWithTheExactSizeOfASuppressedCell() throws {
        var totals: Set<String> = []
        for men in [1, 4, 9] {
            let fixture = try catalogue(smallMen: men)
            let answer = try fixture.catalogue.countSubjects([("modality", "dicom:MR")])
            #expect(released(answer, Self.small)?.isSuppressed == true)
            totals.insert("\(answer.total.subjects)/\(answer.total.suppressedDatasets)")
            #expect(answer.holders.first { $0.holder == "nl-test" }?.total == answer.total)
        }
        #expect(totals.count == 1, "the total is the same whether the suppressed dataset holds 1, 4 or 9: \(totals)")
    }

    @Test func aRefinementThatRemovesFewSubjectsNeverYieldsAnExactSmallDifference() throws {
        let fixture = try catalogue(smallMen: 9)
        // All 150 women, then those not aged 40-49 (150 − 40 = 110): released values are multiples
        // of 10, and the refinement is flagged in the audit log.
        let all = try #require(released(try fixture.catalogue.countSubjects([("sex", "female")], user: "eve"), Self.big)?.releasedValue)
        let fewer = try #require(released(try fixture.catalogue.countSubjects([("sex", "female"), ("age", "50-89")], user: "eve"), Self.big)?.releasedValue)
        #expect(all % 10 == 0 && fewer % 10 == 0)
        // Small groups: a dataset of 9 is "<10" however it is sliced.
        for filters in [[("sex", "male")], [("sex", "male"), ("age", "60-69")], [("cancerType", "icd10:C61")], [("bodySite", "dicom:PROSTATE")]] {
            #expect(released(try fixture.catalogue.countSubjects(filters, user: "eve"), Self.small)?.isSuppressed == true)
        }
    }

    @Test func theComplementOfASmallGroupIsNeverPublished() throws {
        // 150 women and 5 men: "women" is all but 5, so publishing it would publish the 5 men.
        let fixture = try catalogue(smallMen: 9, bigMen: 5)
        let size = try #require(released(try fixture.catalogue.countSubjects([], user: "eve"), Self.big))
        #expect(released(try fixture.catalogue.countSubjects([("sex", "female")], user: "eve"), Self.big) == size)
        #expect(released(try fixture.catalogue.countSubjects([("sex", "male")], user: "eve"), Self.big)?.isSuppressed == true)
        // All of them match: the released size, not a second, differently noised value.
        #expect(released(try fixture.catalogue.countSubjects([("cancerType", "icd10:C50")], user: "eve"), Self.big) == size)
    }

    @Test func oneSubjectMoreChangesASuppressedCellsAnswerNotAtAll() throws {
        let before = try catalogue(smallMen: 8)
        let after = try catalogue(smallMen: 9)
        for filters in [[("sex", "male")], [("modality", "dicom:MR")], [] as [(String, String)]] {
            #expect(released(try before.catalogue.countSubjects(filters), Self.small) == released(try after.catalogue.countSubjects(filters), Self.small))
        }
    }

    @Test func repeatingOrRephrasingAQueryCannotBeAveraged() throws {
        let fixture = try catalogue(smallMen: 9)
        let phrasings: [[(String, String)]] = [
            [("cancerType", "icd10:C50"), ("age", "50-69")], [("age", "50 - 69"), ("cancerType", "icd10:C50")],
            [("cancerType", "https://w3id.org/imaging-catalogue/vocab/cancer-type/breast-cancer"), ("age", "50-69")],
        ]
        let answers = try (0..<5).flatMap { _ in try phrasings.map { try fixture.catalogue.countSubjects($0) } }
        #expect(Set(answers.map { released($0, Self.big)?.description ?? "" }).count == 1)
        #expect(Set(answers.map(\.query)).count == 1)
    }
}
