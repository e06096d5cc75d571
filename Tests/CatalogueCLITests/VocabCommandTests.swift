import CatalogueTesting
import Foundation
import Testing

/// The curators' commands end to end: queue, map, refusal, history, undo, check, export, import.
@Suite struct VocabCommandTests {
    let home: CLIHome
    init() throws { home = try CLIHome("vocab-cli") }

    private func run(_ arguments: String...) throws -> CatalogueBinary.Run { try home.run(arguments) }

    private func importSample() throws {
        let file = try FixtureDataset.write([
            FixtureDataset(id: "odd-1", title: "Odd collection", subjects: "50", conditions: ["\"Thymic carcinoma\""],
                           modalities: ["\"CT\""], bodyParts: ["\"CHEST\""]),
            FixtureDataset(id: "odd-2", title: "Another odd collection", subjects: "20", conditions: ["\"Thymic carcinoma\""],
                           modalities: ["\"CT\""], bodyParts: ["\"CHEST\""]),
        ], named: "sample.ttl", in: home.folder)
        #expect(try run("import", file.path, "--node", "xx-node").status == 0)
    }

    @Test func helpDescribesEveryVocabCommand() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let help = try run("vocab", "--help")
        for command in ["list", "unmapped", "map", "add-concept", "add-label", "remove-label", "set-broader", "add-code",
                        "remove-code", "deprecate", "merge", "history", "undo", "check", "export", "import"] {
            #expect(help.standardOutput.contains("  \(command) "), "\(command)")
        }
    }

    @Test func aCuratorWorksTheQueueAndUndoes() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        try importSample()
        let queue = try run("vocab", "unmapped")
        #expect(queue.status == 0 && queue.standardOutput.contains("Thymic carcinoma") && queue.standardOutput.contains("xx-node 2"))

        let added = try run("vocab", "add-concept", "cancerType", "thymic-carcinoma", "Thymic carcinoma",
                            "--broader", "ct:cancer", "--reason", "seen at xx-node", "--author", "ana")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("2 dataset(s) re-normalised, 2 changed"))
        #expect(try run("vocab", "unmapped").standardOutput.contains("No unmapped values."))
        #expect(try run("search", "thymic carcinoma", "--json").standardOutput.contains("odd-1"))

        let refused = try run("vocab", "add-label", "ct:breast-cancer", "Thymic carcinoma", "--reason", "mistake", "--author", "ana")
        #expect(refused.status == 1 && refused.standardError.contains("belongs to") && refused.standardError.contains("nothing was changed"))
        let noReason = try run("vocab", "add-label", "ct:breast-cancer", "Brustkrebs@de")
        #expect(noReason.status == 64)

        let history = try run("vocab", "history")
        #expect(history.standardOutput.contains("add-concept") && history.standardOutput.contains("ana") && history.standardOutput.contains("seen at xx-node"))
        let undo = try run("vocab", "undo", "--reason", "wrong scheme", "--author", "ana")
        #expect(undo.status == 0 && undo.standardOutput.contains("undo #2"))
        #expect(try run("vocab", "unmapped", "--json").standardOutput.contains("Thymic carcinoma"))
        #expect(try run("vocab", "check").status == 0)
    }

    @Test func exportWritesTheFormatOfVocabulariesAndImportShowsTheDifference() throws {
        defer { try? FileManager.default.removeItem(at: home.folder) }
        let out = home.folder.appendingPathComponent("export")
        // Only writing commands create a catalogue; export reads one.
        #expect(try run("vocab", "export", out.path).standardError.contains("no catalogue at"))
        #expect(try run("import", ProjectPaths.project("Harvesters/demo/gr-forth/catalogue.ttl").path, "--node", "gr-forth").status == 0)
        #expect(try run("vocab", "export", out.path).status == 0)
        for name in ["cancer-types.ttl", "cancer-types.restricted-codes.ttl", "eucaim-tiers.ttl"] {
            let exported = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(exported == (try Data(contentsOf: ProjectPaths.project("Vocabularies/\(name)"))), "\(name)")
        }
        // An edited copy of the exported cancer types: one new German synonym.
        let file = out.appendingPathComponent("cancer-types.ttl")
        let restricted = out.appendingPathComponent("cancer-types.restricted-codes.ttl")
        let edited = try String(contentsOf: file, encoding: .utf8) + "ct:nsclc skos:altLabel \"Nicht-kleinzelliges Lungenkarzinom\"@de .\n"
        try Data(edited.utf8).write(to: file)
        let preview = try run("vocab", "import", file.path, restricted.path)
        #expect(preview.status == 0, "\(preview.standardError)")
        #expect(preview.standardOutput.contains("changed Non-small cell lung cancer"))
        #expect(preview.standardOutput.contains("+ altLabel \"Nicht-kleinzelliges Lungenkarzinom\"@de"))
        #expect(preview.standardOutput.contains("0 new, 1 changed, 77 unchanged"))
        #expect(preview.standardOutput.contains("nothing applied"))
        let applied = try run("vocab", "import", file.path, restricted.path, "--apply", "--reason", "German synonym", "--author", "ana")
        #expect(applied.status == 0 && applied.standardOutput.contains("applied as change"))
        let broken = home.folder.appendingPathComponent("broken.ttl")
        try Data("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<x> skos:prefLabel \"unterminated .\n".utf8).write(to: broken)
        let refused = try run("vocab", "import", broken.path)
        #expect(refused.status == 1 && refused.standardError.contains("broken.ttl"))
    }
}
