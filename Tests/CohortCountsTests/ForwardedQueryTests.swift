import CatalogueModel
import Testing
@testable import CohortCounts

@Suite("A hub forwards the canonical query")
struct ForwardedQueryTests {
    let parser = CohortQueryParser(
        vocabulary: CohortTestSupport.vocabulary, datasets: [DatasetKey(node: "nl", id: "breast-mr"), DatasetKey(node: "es", id: "lung")])

    @Test(arguments: [
        [("cancerType", "icd10:C50"), ("sex", "F"), ("age", "50 - 69"), ("modality", "dicom:MR")],
        [("age", "60+"), ("bodySite", "dicom:BREAST")],
        [("age", "90+"), ("node", "nl")],
        [("dataset", "es/lung"), ("cancerType", "icd10:C34")],
    ])
    func theForwardedFiltersParseBackIntoTheSameQuery(filters: [(String, String)]) throws {
        let forwarded = try parser.forwarded(filters.map { (field: $0.0, value: $0.1) })
        #expect(forwarded.query == (try parser.parse(filters.map { (field: $0.0, value: $0.1) })))
        #expect(try parser.parse(forwarded.filters) == forwarded.query)
        #expect(forwarded.filters.map(\.field) == forwarded.filters.map(\.field).sorted())
    }

    @Test func conceptsAndBandsAreForwardedInCanonicalFormNotAsTyped() throws {
        let forwarded = try parser.forwarded([("sex", "woman"), ("age", "50-69"), ("cancerType", "icd10:C50")])
        let values = Dictionary(uniqueKeysWithValues: forwarded.filters.map { ($0.field, $0.value) })
        #expect(values["sex"] == "https://w3id.org/imaging-catalogue/vocab/eucaim-sex/female")
        #expect(values["age"] == "50-69")
        #expect(values["cancerType"]?.hasPrefix("https://") == true)
    }

    @Test func aRefusedQueryIsRefusedBeforeAnythingIsForwarded() {
        #expect(throws: CohortQueryError.self) { try parser.forwarded([("sex", "!female")]) }
        #expect(throws: CohortQueryError.self) { try parser.forwarded([("age", "45-64")]) }
    }
}
