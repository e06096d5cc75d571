import CatalogueModel
import Testing
@testable import CohortCounts

@Suite("Count queries fail closed")
struct CohortQueryParserTests {
    let parser = CohortQueryParser(
        vocabulary: CohortTestSupport.vocabulary, datasets: [DatasetKey(node: "nl", id: "breast-mr"), DatasetKey(node: "es", id: "lung")])

    @Test func twoPhrasingsOfOneQuestionGiveOneCanonicalQuery() throws {
        let first = try parser.parse([("cancerType", "icd10:C50"), ("sex", "female"), ("age", "50-69"), ("modality", "dicom:MR")])
        let second = try parser.parse([("modality", "dicom:MR"), ("age", "50 - 69"), ("sex", "F"), ("cancerType", " icd10:C50 ")])
        #expect(first == second)
        #expect(first.canonical == second.canonical)
        #expect(first.canonical.hasPrefix("age=50-59,60-69&cancerType=https://"))
        #expect(first.ageBands == [50, 60])
    }

    @Test(arguments: [
        ("cancerType", "!icd10:C50", "no negation"),
        ("cancerType", "not icd10:C50", "no negation"),
        ("modality", "-dicom:MR", "no negation"),
        ("cancerType", "icd10:C5%", "no wildcards"),
        ("cancerType", "icd10:C5*", "no wildcards"),
        ("subject", "P-001", "never filtered by subject"),
        ("patientId", "P-001", "never filtered by subject"),
        ("q", "breast", "no free text"),
        ("text", "breast", "no free text"),
        ("colour", "blue", "is not a count filter"),
        ("cancerType", "icd10:C99.9", "is refused"),
        ("cancerType", "breast cancer", "is refused"),
        ("age", "45-64", "whole 10-year bands"),
        ("age", "50-65", "whole 10-year bands"),
        ("age", "50-99", "whole 10-year bands"),
        ("age", "fifty", "whole 10-year bands"),
        ("age", "55+", "whole 10-year bands"),
        ("dataset", "nl/unknown", "no dataset"),
        ("node", "de", "no node with subjects"),
        ("sex", "", "has no value"),
    ])
    func aQueryOutsideTheLanguageIsRefusedSayingWhy(field: String, value: String, reason: String) {
        #expect(refusal { _ = try parser.parse([(field, value)]) }.contains(reason))
    }

    @Test func oneValuePerFilterAndAtMostSixFilters() throws {
        #expect(throws: CohortQueryError.repeatedField("sex")) { try parser.parse([("sex", "female"), ("sex", "male")]) }
        let seven: [(String, String)] = [
            ("cancerType", "icd10:C50"), ("modality", "dicom:MR"), ("bodySite", "dicom:BREAST"), ("sex", "female"),
            ("age", "50-59"), ("dataset", "nl/breast-mr"), ("node", "nl"),
        ]
        #expect(throws: CohortQueryError.tooManyFilters(7)) { try parser.parse(seven) }
        #expect(try parser.parse(Array(seven.prefix(6))).filters.count == 6)
    }

    @Test func theTopBandAndOpenRangesAreWholeBands() throws {
        #expect(try CohortQueryParser.ageBands("90+") == [90])
        #expect(try CohortQueryParser.ageBands("60+") == [60, 70, 80, 90])
        #expect(try CohortQueryParser.ageBands("0-9") == [0])
        #expect(try parser.parse([("age", "80-89")]).canonical == "age=80-89")
    }
}
