import CatalogueTesting
import Foundation
import Testing

/// End-to-end runs of the `catalogue` executable: exit codes, messages and the JSON contract.
@Suite struct CatalogueCLITests {
    let home: CLIHome
    var folder: URL { home.folder }

    init() throws { home = try CLIHome("cli") }

    private func run(_ arguments: String...) throws -> CatalogueBinary.Run { try home.run(arguments) }

    private func importSample() throws {
        let file = try FixtureDataset.write([
            FixtureDataset(id: "lung-1", title: "Lung PET/CT", subjects: "50", conditions: ["\"NSCLC\""],
                           modalities: ["\"PT, CT, SEG\""], bodyParts: ["\"CHEST\""]),
            FixtureDataset(id: "breast-1", title: "Breast MR", subjects: "70", conditions: ["\"C50\""],
                           modalities: ["\"MR\""], bodyParts: ["\"Mamma\""]),
        ], named: "sample.ttl", in: folder)
        let result = try run("import", file.path, "--node", "xx-node")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("2 new"))
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func searchJSONFollowsTheContract() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try importSample()
        let result = try run("search", "--filter", "cancerType=oncotree:NSCLC", "--json")
        #expect(result.status == 0, "\(result.standardError)")
        let response = try json(result.standardOutput)
        #expect(response["total"] as? Int == 1)
        let datasets = try #require(response["datasets"] as? [[String: Any]])
        let dataset = try #require(datasets.first)
        for key in ["id", "node", "title", "subjects", "cancerTypes", "modalities", "bodySites", "unmapped"] {
            #expect(dataset[key] != nil, "dataset lacks \(key)")
        }
        #expect(dataset["title"] as? String == "Lung PET/CT")
        let concept = try #require((dataset["cancerTypes"] as? [[String: Any]])?.first)
        #expect(concept["label"] as? String == "Non-small cell lung cancer")
        #expect((concept["concept"] as? String)?.hasPrefix("https://") == true)
        #expect((concept["codes"] as? [String: [String]])?["oncotree"] == ["NSCLC"])
        #expect((dataset["modalities"] as? [[String: Any]])?.count == 3)
        let facets = try #require(response["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["cancerType", "modality", "bodySite", "node", "accessRights"])
        let top = try #require(facets["cancerType"]?.first)
        #expect(top["children"] is [[String: Any]])
        #expect(top["value"] is String && top["label"] is String && top["count"] is Int)
    }

    @Test func malformedFileExitsNonZeroNamingFileAndLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try importSample()
        let bad = folder.appendingPathComponent("broken.ttl")
        try "@prefix dct: <http://purl.org/dc/terms/> .\n<https://x.org/a> dct:title \"never closed .\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try run("import", bad.path, "--node", "xx-node")
        #expect(result.status != 0)
        #expect(result.standardError.contains("broken.ttl:2"))
        let datasets = try run("datasets", "--json")
        let list = try #require(JSONSerialization.jsonObject(with: Data(datasets.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
    }

    @Test func unknownFilterFieldAndCodeAreClearErrors() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try importSample()
        let field = try run("search", "--filter", "organ=lung")
        #expect(field.status == 1)
        #expect(field.standardError.contains("unknown filter field 'organ'"))
        let code = try run("search", "--filter", "cancerType=icd10:Z99")
        #expect(code.status == 1)
        #expect(code.standardError.contains("icd10:Z99"))
    }

    @Test func invalidArgumentsAreRefusedBeforeAnythingRuns() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("search", "--page", "0").status != 0)
        #expect(try run("import", "x.ttl", "--node", "bad node!").status != 0)
        #expect(try run("vocab", "list", "colours").status != 0)
    }

    @Test func humanOutputShowsATableAndFacets() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try importSample()
        let result = try run("search", "breast")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("1 matching dataset"))
        #expect(result.standardOutput.contains("Breast MR"))
        #expect(result.standardOutput.contains("cancerType:"))
    }

    @Test func reindexAndVocabListWork() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try importSample()
        let reindex = try run("reindex")
        #expect(reindex.status == 0)
        #expect(reindex.standardOutput.contains("Reindexed 2 datasets"))
        let vocab = try run("vocab", "list", "modality")
        #expect(vocab.status == 0)
        #expect(vocab.standardOutput.contains("Magnetic resonance imaging"))
        #expect(vocab.standardOutput.contains("dicom:MR"))
    }
}
