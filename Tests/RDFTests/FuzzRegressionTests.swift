import Foundation
import RDF
import Testing

/// Inputs the libFuzzer targets under `Fuzz/` (scripts/fuzz.sh) found, each kept as a test once fixed.
@Suite struct FuzzRegressionTests {
    /// FuzzJSON: `1e999` parsed to infinity, whose canonical text (`inf`, used for `@json`
    /// literals) is not JSON. Numbers beyond the range of a Double are now refused, with a place.
    @Test(arguments: ["1e999", "[1, -1E400]", "{\"a\": 123e456789}"])
    func jsonNumberBeyondDoubleRangeIsRefused(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func largestFiniteNumbersStillReadAndTheirCanonicalTextReadsBack() throws {
        let value = try JSONValue.parse(Data("[1.7976931348623157e308, -1.7976931348623157e308, 5e-324, 1e-999]".utf8))
        #expect(try JSONValue.parse(Data(value.canonicalText.utf8)) == value)
    }

    @Test func jsonLiteralWithAnOutOfRangeNumberFailsTheDocument() {
        let page = #"{"@id": "https://node.example/ds/1", "https://node.example/p": {"@value": {"n": 1e999}, "@type": "@json"}}"#
        #expect(throws: RDFError.self) {
            try RDFParser().parse(Data(page.utf8), format: .jsonld, source: "page.jsonld")
        }
    }
}
