import CatalogueModel
@testable import CatalogueStore
import Foundation
import Testing

/// The hand-written JSON coding of raw and normalised records, checked against Foundation's
/// `Codable` coders: same bytes out, same values in, and no stored property left behind.
@Suite struct RecordJSONTests {
    private let coder = RecordCoder()

    /// Foundation's encoder configured as the catalogue's canonical form is documented to be.
    private static func foundationJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static var awkwardRaw: RawDataset {
        var raw = RecordFixtures.fullRaw("ds-1")
        raw.titles.append(LangString("tab\there, quote \" backslash \\ slash / bell \u{07} nul \u{00} del \u{7F} ✓ 𝄞"))
        raw.keywords = [LangString("UPPER", language: nil)]
        raw.keywords[0].language = "EN-GB"
        raw.minTypicalAge = 0.1
        raw.maxTypicalAge = -.infinity
        raw.subjects = -3
        return raw
    }

    static let rawSamples: [RawDataset] = [
        RecordFixtures.fullRaw("full"), RecordFixtures.raw("plain"), RawDataset(identifier: "bare"), awkwardRaw,
    ]
    static let normalisedSamples: [NormalisedDataset] = [
        RecordFixtures.fullNormalised(RecordFixtures.fullRaw("full"), node: "upv"),
        NormalisedDataset(id: "bare", node: "n"),
        RecordFixtures.normalised(RecordFixtures.raw("plain"), node: "ub", unmapped: [UnmappedValue(field: "tier", value: "x")], cancerTypes: ["c"]),
    ]

    /// The writer's output is byte for byte what `JSONEncoder` writes with sorted keys and
    /// unescaped slashes, so the columns are ordinary JSON and the hash has a plain definition.
    @Test(arguments: rawSamples)
    func rawJSONMatchesJSONEncoder(_ raw: RawDataset) throws {
        #expect(coder.json(raw) == (try Self.foundationJSON(raw)))
    }

    @Test(arguments: normalisedSamples)
    func normalisedJSONMatchesJSONEncoder(_ normalised: NormalisedDataset) throws {
        #expect(coder.json(normalised) == (try Self.foundationJSON(normalised)))
    }

    /// Numbers too: integral, fractional, tiny, huge, negative zero and the largest exact integer.
    @Test(arguments: [18, 18.5, 0.1, 1e-7, 1e20, 123_456_789_012.25, -0.0, 2.5e-300, .greatestFiniteMagnitude, 9_007_199_254_740_992, -3])
    func numbersMatchJSONEncoderAndRoundTrip(_ age: Double) throws {
        var raw = RawDataset(identifier: "n")
        raw.minTypicalAge = age
        #expect(coder.json(raw) == (try Self.foundationJSON(raw)))
        let read = try coder.raw(from: Data(coder.json(raw).utf8), key: DatasetKey(node: "n", id: "n"))
        #expect(read.minTypicalAge == age)
        #expect(read.minTypicalAge?.sign == age.sign)
    }

    /// The reader gives back the values written, including every language tag, escapes,
    /// non-finite numbers and absent optionals.
    @Test(arguments: rawSamples)
    func rawJSONRoundTrips(_ raw: RawDataset) throws {
        let key = DatasetKey(node: "n", id: raw.identifier)
        #expect(try coder.raw(from: Data(coder.json(raw).utf8), key: key) == raw)
    }

    @Test(arguments: normalisedSamples)
    func normalisedJSONRoundTrips(_ normalised: NormalisedDataset) throws {
        let key = DatasetKey(node: normalised.node, id: normalised.id)
        #expect(try coder.normalised(from: Data(coder.json(normalised).utf8), key: key) == normalised)
    }

    /// JSON laid out differently (pretty-printed, keys unsorted, explicit nulls, escaped slashes
    /// and `\u` escapes, also in a key, unknown members) reads to the same values.
    @Test func readerAcceptsAnyLayoutOfTheSameJSON() throws {
        let raw = RecordFixtures.fullRaw("full")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let pretty = try encoder.encode(raw)
        let key = DatasetKey(node: "n", id: "full")
        #expect(try coder.raw(from: pretty, key: key) == raw)

        let handWritten = #"""
            { "titles" : [ { "value" : "Caf\u00e9 \ud83e\udec1 \/ \"q\"", "language" : null } ],
              "identifier" : "x", "iri" : null, "futureField" : { "nested" : [1, 2.5e3, true, null, "s"] },
              "sub\u006aects" : 12, "minTypicalAge" : 1.5E1, "conditions" : [ { "literal" : { "_0" : "NSCLC", "language" : "en" } } ] }
            """#
        var expected = RawDataset(identifier: "x")
        expected.titles = [LangString("Café 🫁 / \"q\"")]
        expected.subjects = 12
        expected.minTypicalAge = 15
        expected.conditions = [.literal("NSCLC", language: "en")]
        #expect(try coder.raw(from: Data(handWritten.utf8), key: key) == expected)
    }

    /// Every stored property of every record type appears in the JSON of a fully populated value:
    /// a field added to the model fails here until the writer and reader learn it.
    @Test func everyStoredPropertyIsWritten() throws {
        var distribution = RawDistribution(iri: "d")
        distribution.accessURLs = ["a"]
        distribution.downloadURLs = ["b"]
        distribution.format = .iri("f")
        distribution.mediaType = .literal("text/csv")
        distribution.titles = [LangString("t", language: "en")]
        distribution.license = .iri("l")
        distribution.byteSize = "1"
        distribution.checksum = "c"
        var raw = RecordFixtures.fullRaw("full")
        raw.iri = "https://node.example.org/full"
        raw.distributions = [distribution]
        var normalised = RecordFixtures.fullNormalised(raw, node: "upv")
        normalised.iri = raw.iri
        normalised.landingPage = "https://node.example.org/landing"
        normalised.tier = "tier"
        normalised.studies = 3
        normalised.maxTypicalAge = 80
        normalised.bodySites = [ConceptMapping(concept: "c", value: "v", method: .label)]
        let langString = LangString("v", language: "en")
        let agent = try #require(raw.publisher)

        try expectAllPropertiesWritten(raw, coder.json(raw))
        try expectAllPropertiesWritten(normalised, coder.json(normalised))
        try expectAllPropertiesWritten(distribution, writing: { distribution.write(to: &$0) })
        try expectAllPropertiesWritten(agent, writing: { agent.write(to: &$0) })
        var contact = raw.contactPoints[0]
        contact.iri = "https://node.example.org/contact-point"
        try expectAllPropertiesWritten(contact, writing: { contact.write(to: &$0) })
        let period = RawPeriod(start: "s", end: "e")
        try expectAllPropertiesWritten(period, writing: { period.write(to: &$0) })
        try expectAllPropertiesWritten(langString, writing: { langString.write(to: &$0) })
        try expectAllPropertiesWritten(normalised.cancerTypes[1], writing: { normalised.cancerTypes[1].write(to: &$0) })
        try expectAllPropertiesWritten(normalised.unmapped[0], writing: { normalised.unmapped[0].write(to: &$0) })
    }

    private func expectAllPropertiesWritten(_ value: Any, writing write: (inout JSONWriter) -> Void) throws {
        var writer = JSONWriter()
        write(&writer)
        try expectAllPropertiesWritten(value, String(decoding: writer.bytes, as: UTF8.self))
    }

    private func expectAllPropertiesWritten(_ value: Any, _ json: String) throws {
        let properties = Set(Mirror(reflecting: value).children.compactMap(\.label))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == properties, "\(type(of: value))")
    }

    /// Malformed or mistyped JSON is reported by kind and place, never with the offending value.
    @Test func readErrorsNameThePlaceNotTheValue() {
        let key = DatasetKey(node: "upv", id: "ds-1")
        let cases: [(json: String, message: String)] = [
            (#"{"identifier":"x","conditions":[{"iri":{"_0":42}}],"titles":[{"value":"SECRET"}]}"#,
             "expected a string at .conditions[0].iri._0"),
            (#"{"titles":[{"value":"SECRET"}]}"#, "missing key 'identifier' at the top level"),
            (#"{"identifier":"x","titles":[{"language":"SECRET"}]}"#, "missing key 'value' at .titles[0]"),
            (#"{"identifier":"x","subjects":"SECRET"}"#, "expected a number at .subjects"),
            (#"{"identifier":"x","conditions":[{"SECRET":{}}]}"#, "invalid value at .conditions[0]"),
            (#"{"identifier":"SECRET""#, "not valid JSON near the top level"),
            (#"{"identifier":"x"} trailing"#, "not valid JSON near the top level"),
            (#"["SECRET"]"#, "expected an object at the top level"),
        ]
        for (json, message) in cases {
            let error = #expect(throws: CatalogueStoreError.self) { try coder.raw(from: Data(json.utf8), key: key) }
            #expect(error == .corruptRecord(key: key, column: "raw", message: message), "\(json)")
            #expect(error?.description.contains("SECRET") == false)
        }
    }

    /// The content hash is defined on the canonical JSON: equal records hash equal, whatever
    /// order their properties were set in, and any change changes it.
    @Test func contentHashFollowsTheCanonicalJSON() {
        var first = RawDataset(identifier: "x")
        first.subjects = 3
        first.titles = [LangString("T")]
        var second = RawDataset(identifier: "x")
        second.titles = [LangString("T")]
        second.subjects = 3
        #expect(CatalogueRecord.contentHash(of: first) == CatalogueRecord.contentHash(of: second))
        second.subjects = 4
        #expect(CatalogueRecord.contentHash(of: first) != CatalogueRecord.contentHash(of: second))
        #expect(CatalogueRecord.contentHash(of: first) == sha256Hex(#"{"bodyParts":[],"conditions":[],"contactPoints":[],"descriptions":[],"distributions":[],"identifier":"x","keywords":[],"landingPages":[],"modalities":[],"otherProperties":{},"subjects":3,"temporal":[],"titles":[{"value":"T"}]}"#))
    }
}
