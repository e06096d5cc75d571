import CatalogueTesting
import Foundation
import Harvesting
import Testing

/// Inputs the libFuzzer targets under `Fuzz/` (scripts/fuzz.sh) found in the harvesting parsers.
@Suite struct FuzzRegressionTests {
    /// FuzzNodesTOML: toml++ (inside TOMLKit) asserts on these instead of returning a parse error,
    /// which aborted the whole process; the federation reader now refuses them first
    /// (`TOMLPreflight`). Before that fix this test ended the test run itself.
    @Test(arguments: ["e=1979-05-27T&:", "[#", "[[=", "[ &", "[ #", "[[ &", "e=1979-05-27T:", "x = [1979-05-27T:]",
                     "i= [}t}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}T", "i= [ }", "i= [1, }", "i= [[}]]", "i = [ # c\n}]", "i= {a=[}]}"])
    func malformedTOMLIsAnErrorNotAnAbort(_ text: String) throws {
        let folder = try ProjectPaths.temporaryDirectory("fuzz-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: FederationConfigurationError.self) { try FederationConfiguration.load(from: file) }
    }

    /// The preflight never refuses valid TOML: strings, comments and arrays that look like its
    /// two shapes, and the project's own federation file.
    @Test func validTOMLPassesThePreflight() throws {
        let folder = try ProjectPaths.temporaryDirectory("fuzz-nodes-valid")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        let lines = [
            "# [# a comment with 1979-05-27T:",
            "[[node]]",
            "id = \"a\"",
            "name = \"[# not a header 1979-05-27T:\"",
            "country = \"ES\"",
            "endpoint = 'local/[ &'",
            "media_type = \"\"\"",
            "[#multi-line\"\"\"",
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try FederationConfiguration.load(from: file) }
        #expect(throws: Never.self) { try FederationConfiguration.load(from: ProjectPaths.project("Harvesters/nodes.toml")) }
    }

    /// Arrays whose elements hold `}` in strings, inline tables and comments pass the preflight
    /// and reach the federation reader (which then names the unknown key).
    @Test func arraysWithBracesInsideElementsPassThePreflight() throws {
        let folder = try ProjectPaths.temporaryDirectory("fuzz-nodes-arrays")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try "tags = [ # a } comment\n  \"}\", { a = 1 }, [], [[1], {}],\n]\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: FederationConfigurationError.self) { try FederationConfiguration.load(from: file) }
        #expect(error.map { String(describing: $0).contains("tags") } == true, "\(String(describing: error))")
    }
}

@Suite struct ScheduleKeyTests {
    @Test(arguments: [("every 6h", 21_600), ("every 30m", 1_800), ("every 2d", 172_800)])
    func scheduleIsReadAsAnInterval(text: String, seconds: Int64) throws {
        let folder = try ProjectPaths.temporaryDirectory("schedule")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try "[[node]]\nid = \"a\"\nname = \"A\"\ncountry = \"ES\"\nendpoint = \"x\"\nschedule = \"\(text)\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try FederationConfiguration.load(from: file).nodes.first?.schedule == .seconds(seconds))
    }

    @Test(arguments: ["6h", "every 1m", "every 31d", "every -1h", "every 6 hours", "hourly"])
    func malformedOrOutOfRangeScheduleIsRefusedNamingTheKey(text: String) throws {
        let folder = try ProjectPaths.temporaryDirectory("schedule-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nodes.toml")
        try "[[node]]\nid = \"a\"\nname = \"A\"\ncountry = \"ES\"\nendpoint = \"x\"\nschedule = \"\(text)\"\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: FederationConfigurationError.self) { try FederationConfiguration.load(from: file) }
        #expect(error.map { String(describing: $0).contains("schedule") } == true)
    }
}

/// FuzzMapping: a paging number beyond Int's range trapped (`Int(1e50)`) instead of being refused.
@Suite struct MappingFuzzRegressionTests {
    @Test(arguments: ["1999999999999999999999999999999999999999999999999999", "1e300", "-1", "2.5", "1000000001"])
    func aPagingNumberOutOfRangeIsAnErrorNotATrap(_ limit: String) throws {
        let folder = try ProjectPaths.temporaryDirectory("fuzz-mapping")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: ProjectPaths.project("Harvesters/mappings/xnat-project-export.json"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: #""limit": *[0-9]+"#, with: "\"limit\": \(limit)", options: .regularExpression)
        #expect(edited != original, "the sample mapping has a paging limit to replace")
        let file = folder.appendingPathComponent("mapping.json")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: CustomMappingError.self) { try NodeAPIMapping.load(from: file) }
    }

    @Test func theKnownCrashInputIsRefused() throws {
        let file = ProjectPaths.project("Fuzz/Known/mapping-huge-limit-trap.json")
        #expect(throws: CustomMappingError.self) { try NodeAPIMapping.load(from: file) }
    }
}
