import CatalogueTesting
import Foundation
import Testing
@testable import RDF

@Suite struct JSONLDParserTests {
    static let dct = "http://purl.org/dc/terms/"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    private func parse(_ text: String, base: String? = "https://node.example/page", contexts: JSONLDContextLibrary = JSONLDContextLibrary()) throws -> Graph {
        try RDFParser(jsonldContexts: contexts).parse(Data(text.utf8), format: .jsonld, source: "page.jsonld", baseIRI: base)
    }

    private func objects(_ graph: Graph, _ subject: String, _ predicate: String) -> [Term] {
        graph.objects(.iri(subject), predicate)
    }

    @Test func readsCompactIRIsTypesAndPlainLiterals() throws {
        let graph = try parse("""
            {"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
             "@id": "https://node.example/ds/1", "@type": "dcat:Dataset", "dct:title": "Lung CT",
             "dct:identifier": "ds-1"}
            """)
        #expect(graph.subjects(ofType: Self.dcat + "Dataset") == [.iri("https://node.example/ds/1")])
        #expect(objects(graph, "https://node.example/ds/1", Self.dct + "title") == [.literal("Lung CT")])
        #expect(graph.count == 3)
    }

    @Test func readsExpandedDocuments() throws {
        let graph = try parse("""
            [{"@id": "https://node.example/ds/1", "@type": ["http://www.w3.org/ns/dcat#Dataset"],
              "http://purl.org/dc/terms/title": [{"@value": "Brust-MRT", "@language": "de"}]}]
            """)
        #expect(objects(graph, "https://node.example/ds/1", Self.dct + "title") == [.literal("Brust-MRT", language: "de")])
    }

    @Test func mergesTopLevelAndNamedGraphsIntoOneGraph() throws {
        let graph = try parse("""
            {"@context": {"@vocab": "http://purl.org/dc/terms/"},
             "@graph": [{"@id": "https://n.example/a", "title": "A"},
                        {"@id": "https://n.example/g", "@graph": [{"@id": "https://n.example/b", "title": "B"}]}]}
            """)
        #expect(objects(graph, "https://n.example/a", Self.dct + "title") == [.literal("A")])
        #expect(objects(graph, "https://n.example/b", Self.dct + "title") == [.literal("B")])
    }

    @Test func expandsLanguageMapsToTaggedLiterals() throws {
        let graph = try parse("""
            {"@context": {"title": {"@id": "http://purl.org/dc/terms/title", "@container": "@language"}},
             "@id": "https://n.example/a", "title": {"en": "Lung cancer", "DE": ["Lungenkrebs", "Lungenkarzinom"], "@none": "NSCLC"}}
            """)
        #expect(Set(objects(graph, "https://n.example/a", Self.dct + "title")) == [
            .literal("Lung cancer", language: "en"), .literal("Lungenkrebs", language: "de"),
            .literal("Lungenkarzinom", language: "de"), .literal("NSCLC"),
        ])
    }

    @Test func appliesTypeScopedContextsOnlyToNodesOfThatType() throws {
        let graph = try parse("""
            {"@context": {"@vocab": "http://example.org/vocab#",
                          "Dataset": {"@id": "http://www.w3.org/ns/dcat#Dataset",
                                      "@context": {"title": "http://purl.org/dc/terms/title"}}},
             "@id": "https://n.example/ds", "@type": "Dataset", "title": "scoped",
             "part": {"@id": "https://n.example/part", "title": "not scoped"}}
            """)
        #expect(objects(graph, "https://n.example/ds", Self.dct + "title") == [.literal("scoped")])
        #expect(objects(graph, "https://n.example/part", "http://example.org/vocab#title") == [.literal("not scoped")])
    }

    @Test func appliesPropertyScopedContextsToTheirValues() throws {
        let graph = try parse("""
            {"@context": {"@vocab": "http://example.org/vocab#",
                          "publisher": {"@id": "http://purl.org/dc/terms/publisher",
                                        "@context": {"name": "http://xmlns.com/foaf/0.1/name"}}},
             "@id": "https://n.example/ds", "publisher": {"@id": "https://n.example/org", "name": "Hospital"}, "name": "Dataset"}
            """)
        #expect(objects(graph, "https://n.example/org", "http://xmlns.com/foaf/0.1/name") == [.literal("Hospital")])
        #expect(objects(graph, "https://n.example/ds", "http://example.org/vocab#name") == [.literal("Dataset")])
    }

    @Test func resolvesRelativeIRIsAgainstTheBase() throws {
        let graph = try parse("""
            {"@context": {"@base": "https://node.example/catalogue/", "dct": "http://purl.org/dc/terms/",
                          "page": {"@id": "http://www.w3.org/ns/dcat#landingPage", "@type": "@id"}},
             "@id": "ds/1", "page": "../about.html"}
            """)
        #expect(objects(graph, "https://node.example/catalogue/ds/1", Self.dcat + "landingPage") == [.iri("https://node.example/about.html")])
    }

    @Test func readsReversePropertiesListsAndNativeValues() throws {
        let graph = try parse("""
            {"@context": {"ex": "http://example.org/", "isPartOf": {"@reverse": "http://purl.org/dc/terms/hasPart"},
                          "steps": {"@id": "ex:steps", "@container": "@list"}},
             "@id": "https://n.example/ds", "isPartOf": {"@id": "https://n.example/catalogue"},
             "steps": ["a", "b"], "ex:count": 12, "ex:ratio": 0.5, "ex:open": true}
            """)
        #expect(objects(graph, "https://n.example/catalogue", Self.dct + "hasPart") == [.iri("https://n.example/ds")])
        #expect(objects(graph, "https://n.example/ds", "http://example.org/count") == [.literal("12", datatype: Self.xsd + "integer")])
        #expect(objects(graph, "https://n.example/ds", "http://example.org/ratio") == [.literal("5.0E-1", datatype: Self.xsd + "double")])
        #expect(objects(graph, "https://n.example/ds", "http://example.org/open") == [.literal("true", datatype: Self.xsd + "boolean")])
        let head = try #require(objects(graph, "https://n.example/ds", "http://example.org/steps").first)
        #expect(graph.objects(head, Self.rdf + "first") == [.literal("a")])
        let second = try #require(graph.objects(head, Self.rdf + "rest").first)
        #expect(graph.objects(second, Self.rdf + "first") == [.literal("b")])
        #expect(graph.objects(second, Self.rdf + "rest") == [.iri(Self.rdf + "nil")])
    }

    @Test func readsIndexIdAndTypeMapsAndNestedProperties() throws {
        let graph = try parse("""
            {"@context": {"@vocab": "http://example.org/",
                          "byLang": {"@id": "http://example.org/label", "@container": "@index"},
                          "byId": {"@id": "http://example.org/part", "@container": "@id"},
                          "byType": {"@id": "http://example.org/item", "@container": "@type"},
                          "meta": "@nest"},
             "@id": "https://n.example/x",
             "byLang": {"first": "one"},
             "byId": {"https://n.example/p1": {"name": "P1"}},
             "byType": {"http://example.org/Scan": {"@id": "https://n.example/s1"}},
             "meta": {"note": "nested"}}
            """)
        #expect(objects(graph, "https://n.example/x", "http://example.org/label") == [.literal("one")])
        #expect(objects(graph, "https://n.example/x", "http://example.org/part") == [.iri("https://n.example/p1")])
        #expect(objects(graph, "https://n.example/p1", "http://example.org/name") == [.literal("P1")])
        #expect(objects(graph, "https://n.example/s1", Self.rdf + "type") == [.iri("http://example.org/Scan")])
        #expect(objects(graph, "https://n.example/x", "http://example.org/note") == [.literal("nested")])
    }

    @Test func writesJSONLiteralsCanonically() throws {
        let graph = try parse("""
            {"@context": {"data": {"@id": "http://example.org/data", "@type": "@json"}},
             "@id": "https://n.example/x", "data": {"b": [1, true], "a": "x"}}
            """)
        #expect(objects(graph, "https://n.example/x", "http://example.org/data") == [.literal(#"{"a":"x","b":[1,true]}"#, datatype: Self.rdf + "JSON")])
    }

    @Test func dropsKeysThatExpandToNothingAndKeepsOddIRIsLiterally() throws {
        let graph = try parse("""
            {"@context": {"issued": {"@id": "http://purl.org/dc/terms/issued", "@type": "xsd:dateTime"}},
             "@id": "https://n.example/x", "accessLevel": "public", "issued": "2024-01-01T00:00:00Z"}
            """)
        #expect(graph.count == 1)
        #expect(objects(graph, "https://n.example/x", Self.dct + "issued") == [.literal("2024-01-01T00:00:00Z", datatype: "xsd:dateTime")])
    }

    @Test func readsRemoteContextsFromTheOfflineLibraryOnly() throws {
        var library = JSONLDContextLibrary()
        try library.add("https://contexts.example/dcat.jsonld", document: Data(#"{"@context": {"title": "http://purl.org/dc/terms/title"}}"#.utf8))
        let graph = try parse(#"{"@context": "https://contexts.example/dcat.jsonld", "@id": "https://n.example/x", "title": "T"}"#, contexts: library)
        #expect(objects(graph, "https://n.example/x", Self.dct + "title") == [.literal("T")])
        #expect(throws: RDFError.unknownContext(source: "page.jsonld", url: "https://contexts.example/other.jsonld")) {
            try parse(#"{"@context": "https://contexts.example/other.jsonld", "@id": "https://n.example/x"}"#, contexts: library)
        }
    }

    @Test func reportsMalformedJSONWithLineAndColumn() {
        #expect(throws: RDFError.syntax(source: "page.jsonld", line: 2, column: 15, message: "expected ',' or '}' in an object")) {
            try parse("{\"@id\": \"x\",\n \"title\": \"a\" tru}")
        }
    }

    @Test func reportsInvalidJSONLDWithItsLocation() {
        #expect(throws: RDFError.jsonld(source: "page.jsonld", path: "@graph[1].@id", message: "invalid @id value: must be a string")) {
            try parse(#"{"@graph": [{"@id": "https://n.example/a"}, {"@id": 5}]}"#)
        }
    }

    @Test func refusesToRedefineAProtectedTerm() {
        #expect(throws: RDFError.self) {
            try parse("""
                {"@context": [{"@protected": true, "title": "http://purl.org/dc/terms/title"},
                              {"title": "http://example.org/other"}],
                 "@id": "https://n.example/x", "title": "T"}
                """)
        }
    }

    @Test func refusesACyclicTermDefinition() {
        #expect(throws: RDFError.self) {
            try parse(#"{"@context": {"a": "b:x", "b": "a:y"}, "@id": "https://n.example/x", "a": "1"}"#)
        }
    }
}
