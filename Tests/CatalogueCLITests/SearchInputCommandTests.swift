import CatalogueTesting
import Foundation
import Testing

/// `catalogue search` with input outside the documented grammar: literal words or our own message
/// and exit status 1 — never Xapian's query-parser text, never a crash.
@Suite struct SearchInputCommandTests {
    let home: CLIHome

    init() throws { home = try CLIHome("search-input") }

    private func run(_ arguments: String...) throws -> CatalogueBinary.Run { try home.run(arguments) }

    private func importSample() throws {
        let file = try FixtureDataset.write([
            FixtureDataset(id: "lung-1", title: "Lung PET/CT or CT", subjects: "50", conditions: ["\"NSCLC\""],
                           modalities: ["\"PT\""], bodyParts: ["\"CHEST\""]),
            FixtureDataset(id: "breast-1", title: "Breast MR", subjects: "70", conditions: ["\"C50\""],
                           modalities: ["\"MR\""], bodyParts: ["\"Mamma\""]),
        ], named: "sample.ttl", in: home.folder)
        let result = try run("import", file.path, "--node", "xx-node")
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func searchesBareOperatorsAsWords() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        for word in ["OR", "AND", "NOT"] {
            let result = try run("search", word, "--json")
            #expect(result.status == 0, "\(word): \(result.standardError)")
            #expect(!result.standardError.contains("Syntax"), "\(word): \(result.standardError)")
        }
        #expect(try run("search", "OR", "--json").standardOutput.contains("lung-1"), "the title has the word 'or'")
    }

    @Test func takesWildcardsAndMinusAsWordSeparators() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        let wildcard = try run("search", "brea*", "--json")
        #expect(wildcard.status == 0, "\(wildcard.standardError)")
        #expect(!wildcard.standardOutput.contains("breast-1"), "'brea' is no word of any dataset")
        let minus = try run("search", "lung -breast", "--json")
        #expect(minus.status == 0, "\(minus.standardError)")
        #expect(!minus.standardOutput.contains("lung-1"), "'-breast' is the word 'breast', which lung-1 lacks")
    }

    @Test func refusesAHugePageWithAMessageInsteadOfCrashing() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        let result = try run("search", "--page", "9223372036854775807")
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("page"), "\(result.standardError)")
        #expect(result.standardError.contains("100000") || result.standardError.contains("100,000"), "\(result.standardError)")
    }

    @Test func refusesAMalformedCodeFilterInsteadOfWideningIt() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        let result = try run("search", "--filter", "cancerType=icd10:C34x", "--json")
        #expect(result.status == 1, "\(result.standardOutput)")
        #expect(result.standardError.contains("icd10:C34x"), "\(result.standardError)")
        #expect(result.standardError.contains("not a well-formed ICD-10 code"), "\(result.standardError)")
    }

    @Test func refusesOverlongTextNamingTheLimit() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        let result = try run("search", String(repeating: "a", count: 1_001))
        #expect(result.status == 1)
        #expect(result.standardError.contains("1000") || result.standardError.contains("1,000"), "\(result.standardError)")
    }
}
