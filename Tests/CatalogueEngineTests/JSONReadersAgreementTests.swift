import CatalogueModel
import CatalogueStore
import Foundation
import RDF
import Testing

/// The catalogue's two JSON readers — the document parser (JSON-LD pages, custom node APIs,
/// request bodies) and the stored-record reader — accept and refuse the same texts.
@Suite struct JSONReadersAgreementTests {
    /// A raw record whose identifier is the JSON string literal `literal` (quotes included).
    static func record(_ literal: String) -> String { #"{"identifier": \#(literal)}"# }

    static let cases: [(literal: String, valid: Bool)] = [
        (#""plain""#, true), (#""tab\tescaped""#, true), ("\"raw\ttab\"", false), ("\"raw\u{01}control\"", false),
        (#""\ud83d\ude00 pair""#, true), (#""\ud83d lone high""#, false), (#""\ude00 lone low""#, false),
        (#""\ud83d\u0041 high then not low""#, false), (#""\u+041 signed hex""#, false), (#""\u00e9 é""#, true),
    ]

    @Test(arguments: cases)
    func bothReadersAgreeOnStrings(literal: String, valid: Bool) throws {
        let text = Self.record(literal)
        let parsed = (try? JSONValue.parse(Data(text.utf8))) != nil
        let stored = (try? RecordCoder().raw(from: Data(text.utf8), key: DatasetKey(node: "n", id: "x"))) != nil
        #expect(parsed == valid, "document parser on \(literal)")
        #expect(stored == valid, "record reader on \(literal)")
    }

    @Test(arguments: [("12", true), ("-0.5e+3", true), ("01", false), ("+1", false), ("1.", false), ("1e", false), ("--1", false), ("1-2", false)])
    func bothReadersAgreeOnNumbers(number: String, valid: Bool) throws {
        let text = #"{"identifier": "x", "subjects": \#(number)}"#
        let parsed = (try? JSONValue.parse(Data(text.utf8))) != nil
        let stored = (try? RecordCoder().raw(from: Data(text.utf8), key: DatasetKey(node: "n", id: "x"))) != nil
        #expect(parsed == valid, "document parser on \(number)")
        // The record reader also wants an integer for `subjects`: it may refuse more, never accept more.
        #expect(!stored || valid, "record reader on \(number)")
        if number == "12" { #expect(stored) }
    }
}
