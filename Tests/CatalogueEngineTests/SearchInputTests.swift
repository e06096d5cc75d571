import CatalogueEngine
import CatalogueModel
import Foundation
import Testing

/// The search input a person or a client sends — text, filters, page — has one documented grammar
/// (docs/cli.md): what it does not cover is taken literally or refused with our own message, never
/// handed to Xapian as query syntax, never a crash, never a silently wider result.
@Suite struct SearchInputTests {
    /// "AND", "OR", "NOT" were Xapian operators: alone they were a query-parser error.
    @Test func takesBareOperatorsAsWords() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        for text in ["OR", "AND", "NOT", "AND NOT", "NEAR", "lung OR breast"] {
            #expect(throws: Never.self, "\(text)") { try fixture.search(text) }
        }
        #expect(try fixture.search("AND").keys == ["nl-test/ds-breast"], "'Breast MR and mammography' has the word")
        #expect(try fixture.search("breast AND mammography").keys == ["nl-test/ds-breast"])
        #expect(try fixture.search("lung OR breast").total == 0, "every word must match, 'or' included")
    }

    /// `*` was a wildcard and `-word` excluded the word; both are separators now.
    @Test func takesWildcardsAndMinusLiterally() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search("scre*").total == 0, "no dataset has the word 'scre'")
        #expect(try fixture.search("lung -screening").keys.contains("nl-test/ds-nsclc"), "'-screening' is the word 'screening'")
        #expect(try fixture.search("+prostate").keys == ["nl-test/ds-prostate"])
        #expect(try fixture.search("title:prostate").total == 0, "'title' is a word that must match too")
    }

    /// A quoted phrase matches its words (the index keeps no positions, so in any order).
    @Test func matchesQuotedPhrasesAsTheirWords() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        #expect(try fixture.search("\"lung screening\"").keys == ["nl-test/ds-nsclc"])
        #expect(try fixture.search("\"screening lung\" CT").keys == ["nl-test/ds-nsclc"])
        #expect(try fixture.search("\"lung screening").keys == ["nl-test/ds-nsclc"], "an unclosed quote runs to the end")
    }

    /// The page was multiplied out unchecked: `page` near `Int.max` trapped on overflow.
    @Test func refusesPagesPastTheLimitInsteadOfOverflowing() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        for (page, perPage) in [(Int.max, 20), (Int.max, 1_000), (0, 20), (-1, 20), (1, 0), (1, 1_001), (5_001, 20), (101, 1_000)] {
            let error = #expect(throws: CatalogueEngineError.self, "page \(page) × \(perPage)") {
                try fixture.catalogue.search(SearchQuery(page: page, perPage: perPage))
            }
            guard case .invalidSearch(let parameter, _) = error else {
                Issue.record("page \(page) × \(perPage): expected invalidSearch, got \(String(describing: error))")
                continue
            }
            #expect(["page", "perPage"].contains(parameter))
        }
        #expect(try fixture.catalogue.search(SearchQuery(page: 100, perPage: 1_000)).datasets.isEmpty)
        #expect(try fixture.catalogue.search(SearchQuery(page: 5_000, perPage: 20)).datasets.isEmpty)
    }

    /// `icd10:C34x` fell back to ICD range C00-C97 and so matched every cancer.
    @Test func refusesMalformedCodesNamingTheWellFormedShape() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let cases: [(filter: String, shape: String)] = [
            ("cancerType=icd10:C34x", "C34.9"), ("cancerType=icd10:C3", "C34.9"), ("modality=dicom:", "MR"),
            ("cancerType=oncotree:lung cancer", "NSCLC"), ("cancerType=ncit:4878", "C4878"),
            ("cancerType=icdo3:8140", "8140/3"), ("cancerType=snomed:lung", "digits"), ("bodySite=uberon:lung", "0002048"),
            ("cancerType=eucaim:1000060", "CLIN1000060"), ("cancerType=lung", "SYSTEM:CODE"),
        ]
        for (filter, shape) in cases {
            let error = #expect(throws: CatalogueEngineError.self, "\(filter)") { try fixture.search("", filter) }
            guard case .unknownFilterValue(_, _, let reason) = error else {
                Issue.record("\(filter): expected unknownFilterValue, got \(String(describing: error))")
                continue
            }
            #expect(reason.contains("not a well-formed") || reason.contains("SYSTEM:CODE"), "\(filter): \(reason)")
            #expect(reason.contains(shape), "\(filter): \(reason)")
        }
    }

    /// A well-formed code that no concept carries is "unknown", as before.
    @Test func keepsWellFormedButUnknownCodesAnUnknownError() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let error = #expect(throws: CatalogueEngineError.self) { try fixture.search("", "cancerType=icd10:Z99") }
        #expect(error == .unknownFilterValue(field: "cancerType", value: "icd10:Z99", reason: "no cancerType concept carries icd10:Z99"))
        #expect(try fixture.search("", "cancerType=icd10:C34.9").total >= 1, "a carried parent (C34) still answers a subcode")
        #expect(try fixture.search("", "cancerType=icd10:c509").keys.contains("nl-test/ds-breast"), "written without dot and in lower case")
    }

    /// No input reaches the user as Xapian's error text: each is searched literally or refused by us.
    @Test func searchesHostileTextsLiterallyOrRefusesThemWithOurMessage() throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let hostile = [
            "OR", "AND NOT", "\"", "((", "*", "-", "title:x", "NEAR", "lung NEAR/3 ct", "a ADJ b", "\"\"", ")(",
            String(repeating: "a", count: 1_001), String(repeating: "lung ", count: 65), "lung\u{0}ct", "\u{7}\u{1B}[31m", "AT&T", "l·l",
            "🫁", "👩‍⚕️", "\u{200F}\u{202E}lung", "ריאה\u{200F}", String(repeating: "x", count: 999),
            String(repeating: "é", count: 400), "C50.9", "8140/3", "PET/CT", "don't", "\u{FEFF}", "lung\u{301}",
        ]
        for text in hostile {
            do {
                _ = try fixture.search(text)
            } catch let error as CatalogueEngineError {
                guard case .invalidSearch(let parameter, _) = error else {
                    Issue.record("\(text.prefix(40)): refused with \(error)")
                    continue
                }
                #expect(parameter == "text")
                #expect(!error.description.contains("Xapian") && !error.description.contains("Syntax"))
            }
        }
    }
}
