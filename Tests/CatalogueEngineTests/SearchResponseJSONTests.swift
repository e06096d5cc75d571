import CatalogueEngine
import CatalogueModel
import Foundation
import Testing

/// The search answer's own JSON writer must give exactly the bytes `JSONEncoder` gives (the
/// contract of docs/cli.md), on real answers and on values with every awkward character.
@Suite("Search answers written without JSONEncoder")
struct SearchResponseJSONTests {
    func expectSameBytes(_ response: SearchResponse, _ context: String) throws {
        let fast = try CatalogueJSON.encode(response)
        let reference = try CatalogueJSON.encoder(pretty: false).encode(response)
        #expect(fast == reference, "\(context): \(String(decoding: fast.prefix(300), as: UTF8.self)) vs \(String(decoding: reference.prefix(300), as: UTF8.self))")
    }

    @Test func realAnswersAreWrittenByteForByteAsJSONEncoderWritesThem() throws {
        let fixture = try EngineFixture()
        let queries = [
            SearchQuery(), SearchQuery(text: "lung"), SearchQuery(text: "prostrate"), SearchQuery(text: "Lungenkrebs"),
            SearchQuery(filters: ["cancerType=icd10:C34"]), SearchQuery(filters: ["modality=dicom:MR", "modality=dicom:CT"]),
            SearchQuery(sort: .subjects, perPage: 3), SearchQuery(text: "zzzz"), SearchQuery(page: 2, perPage: 2),
        ]
        for query in queries { try expectSameBytes(try fixture.catalogue.search(query), "\(query)") }
    }

    @Test func awkwardValuesAreEscapedAndOrderedAsJSONEncoderDoes() throws {
        let concept = ConceptView(concept: "https://x/é\"q", label: "tab\there\nnew \\ back / slash \u{1} \u{7f} \u{2028} 🫁",
                                  codes: ["icd10": ["C34"], "ICD": ["x"], "a10": [], "a2": ["y"], "é": ["z"]])
        var dataset = DatasetView(NormalisedDataset(id: "id\"1", node: "n"), cancerTypes: [], modalities: [], bodySites: [], source: nil)
        dataset.cancerTypes = [concept]
        dataset.minTypicalAge = 1e-7
        dataset.maxTypicalAge = 123456789.125
        dataset.subjects = -3
        dataset.titles = [LangString("Ελληνικά", language: "el"), LangString("untagged")]
        dataset.keywords = ["", "\u{0}"]
        dataset.unmapped = [UnmappedValue(field: "cancerType", value: "Gliobastoma")]
        let facets = SearchResponse.Facets([
            .cancerType: [FacetValue(value: "v", label: "l", count: 2, children: [FacetValue(value: "w", label: "m", count: 1, children: [])])],
            .node: [FacetValue(value: "n", label: "N", count: 1)],
        ])
        let response = SearchResponse(
            total: 1, page: 1, perPage: 20, datasets: [dataset], facets: facets, suggestion: "lung \"cancer\"",
            interpretedAs: ["Lungenkrebs": ["https://x/lung"], "a2": [], "a10": ["b"]])
        try expectSameBytes(response, "synthetic")
    }
}
