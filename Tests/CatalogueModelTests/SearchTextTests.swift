import CatalogueModel
import Testing

/// The search text grammar of docs/cli.md: words and "quoted phrases", nothing else is syntax.
@Suite struct SearchTextTests {
    private func canonical(_ text: String) throws -> String { try SearchText.parse(text).canonical }

    @Test func lowerCasesWordsAndSplitsAtEverythingElse() throws {
        #expect(try SearchText.parse("Lung  CT\tScreening").words == ["lung", "ct", "screening"])
        #expect(try canonical("PET/CT, (lung)!") == "pet ct lung")
        #expect(try SearchText.parse("Próstata Lungenkrebs").wordsAsWritten == ["Próstata", "Lungenkrebs"])
    }

    @Test func takesBareOperatorsLiterally() throws {
        #expect(try canonical("OR") == "or")
        #expect(try canonical("lung AND NOT breast") == "lung and not breast")
        #expect(try canonical("lung NEAR/3 ct") == "lung near 3 ct")
        #expect(try canonical("a XOR b ADJ c") == "a xor b adj c")
    }

    @Test func takesPlusMinusWildcardsFieldsAndBracketsAsSeparators() throws {
        #expect(try canonical("+lung -breast") == "lung breast")
        #expect(try canonical("lung* *ct") == "lung ct")
        #expect(try canonical("title:x") == "title x")
        #expect(try canonical("((lung) OR [breast]) {ct}") == "lung or breast ct")
    }

    @Test func keepsQuotedPhrasesAndClosesAnOpenOne() throws {
        let text = try SearchText.parse("lung \"Small Cell\" ct")
        #expect(text.parts == [.word("lung"), .phrase(["small", "cell"]), .word("ct")])
        #expect(text.canonical == "lung \"small cell\" ct")
        #expect(try SearchText.parse("\u{201C}lung cancer\u{201D}").phrases == [["lung", "cancer"]])
        #expect(try SearchText.parse("lung \"small cell").parts == [.word("lung"), .phrase(["small", "cell"])])
        #expect(try canonical("lung \"\" \"*\" ct") == "lung ct", "empty phrases are dropped")
    }

    @Test func keepsTheInWordMarksTheIndexKeeps() throws {
        #expect(try canonical("C50.9 1,000 don\u{2019}t AT&T snake_case") == "c50.9 1,000 don't at&t snake_case")
        #expect(try canonical("end. ,start a.b") == "end start a b", "'.' only between digits")
        #expect(try canonical("8140/3") == "8140 3")
    }

    @Test func dropsControlCharactersEmojiAndDirectionMarks() throws {
        #expect(try canonical("lung\u{0}ct\u{7}\u{1B}[31m") == "lung ct 31m")
        #expect(try canonical("\u{200F}\u{202E}lung\u{200E}") == "lung")
        #expect(try canonical("lu\u{200B}ng") == "lung", "zero-width characters are dropped, not separators")
        #expect(try canonical("🫁 lung 👩‍⚕️") == "lung")
        #expect(try canonical("ריאה\u{200F} 肺癌") == "ריאה 肺癌")
        #expect(try canonical("e\u{301}cole") == "e\u{301}cole", "combining marks stay in their word")
        #expect(try canonical("lung \u{301}ct") == "lung ct", "a mark after a separator is dropped")
    }

    @Test func treatsBlankTextAsTheEmptySearch() throws {
        #expect(try SearchText.parse("").isEmpty)
        #expect(try SearchText.parse("  \t\n ").isEmpty)
    }

    @Test func refusesTextWithoutWords() {
        for text in ["\"", "((", "*", "-", "\"\"", "🫁", "\u{7}", "\u{FEFF}", "+ - * ( ) : \""] {
            #expect(throws: SearchTextError.noWords, "\(text.unicodeScalars.map(\.value))") { try SearchText.parse(text) }
        }
    }

    @Test func refusesTextOverTheLengthLimit() throws {
        #expect(try SearchText.parse(String(repeating: "a", count: 1_000)).words.count == 1)
        #expect(throws: SearchTextError.tooLong(characters: 1_001, limit: 1_000)) {
            try SearchText.parse(String(repeating: "a", count: 1_001))
        }
        let error = #expect(throws: SearchTextError.self) { try SearchText.parse(String(repeating: "é ", count: 600)) }
        #expect(error?.description.contains("1000") == true)
    }

    @Test func refusesMoreThanTheWordLimitCountingPhraseWords() throws {
        #expect(try SearchText.parse(Array(repeating: "lung", count: 64).joined(separator: " ")).wordCount == 64)
        #expect(throws: SearchTextError.tooManyWords(words: 65, limit: 64)) {
            try SearchText.parse(Array(repeating: "lung", count: 65).joined(separator: " "))
        }
        #expect(throws: SearchTextError.tooManyWords(words: 65, limit: 64)) {
            try SearchText.parse("a \"" + Array(repeating: "b", count: 64).joined(separator: " ") + "\"")
        }
    }

    /// What the index's query parser receives: no capitals, no syntax characters, balanced quotes.
    @Test func givesCanonicalTextWithoutQuerySyntaxForHostileInput() throws {
        let hostile = [
            "OR", "AND NOT", "\"lung", "((lung))", "lung*", "-lung", "+lung", "title:x", "NEAR", "lung~2", "lung^3",
            "a && b || !c", "\\\"lung\\\"", "lung\"ct\"\"", "ÉCOLE Ǆ", "\u{202E}RO", "x\u{0}\u{1}\u{1F}\u{7F}y",
        ]
        for text in hostile {
            let result = try SearchText.parse(text).canonical
            #expect(!result.unicodeScalars.contains { $0.isASCII && !"abcdefghijklmnopqrstuvwxyz0123456789 _'&.,\"".unicodeScalars.contains($0) },
                    "\(text) → \(result)")
            #expect(result.filter { $0 == "\"" }.count % 2 == 0, "\(text) → \(result)")
            #expect(result == result.lowercased())
            #expect(try SearchText.parse(result).canonical == result, "canonical text parses to itself")
        }
    }

    @Test func keepsOnlyTheGivenWordsAndEveryPhrase() throws {
        let text = try SearchText.parse("NSCLC \"lung screening\" CT")
        #expect(text.keepingWords(["ct"]).canonical == "ct \"lung screening\"")
        #expect(text.keepingWords([]).canonical == "\"lung screening\"")
        #expect(text.keepingWords(["ct", "Zzz", "lung screening"]).canonical == "ct \"lung screening\"", "other words are left out")
    }
}
