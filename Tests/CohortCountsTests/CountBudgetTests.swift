import CatalogueTesting
import Foundation
import Testing
@testable import CohortCounts

@Suite("The count budget")
struct CountBudgetTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func theEleventhQueryInAMinuteWaitsUntilTheFirstLeavesIt() throws {
        let budget = try CountBudget()
        for second in 0..<10 { #expect(try budget.take("ana", now: start + Double(second)) == nil) }
        #expect(try budget.take("ana", now: start + 10) == 50)
        #expect(try budget.take("ben", now: start + 10) == nil)
        #expect(try budget.take("ana", now: start + 61) == nil)
    }

    @Test func aRestartKeepsTheDaysBudgetAndForgetsWhatLeftTheDay() throws {
        let folder = try ProjectPaths.temporaryDirectory("budget")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("count-budget.jsonl")
        let limits = CountBudget.Limits(perMinute: 100, perDay: 3)
        let first = try CountBudget(limits: limits, journal: journal, now: start)
        for minute in 0..<3 { #expect(try first.take("ana", now: start + Double(minute * 60)) == nil) }
        #expect(try first.take("hub/ana", now: start) == nil)
        // A crash mid-write leaves a torn line; the restart skips it and still knows the three queries.
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"t":17900"#.utf8))
        try handle.close()
        let restarted = try CountBudget(limits: limits, journal: journal, now: start + 3_600)
        #expect(try restarted.take("ana", now: start + 3_600) != nil, "the day's budget survives the restart")
        #expect(try restarted.take("hub/ana", now: start + 3_600) == nil)
        let nextDay = try CountBudget(limits: limits, journal: journal, now: start + 86_400 + 200)
        #expect(try nextDay.take("ana", now: start + 86_400 + 200) == nil, "a day later the old queries are gone")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "the rewrite at open keeps the last day only: \(lines)")
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aJournalThatCannotBeWrittenRefusesToStart() {
        #expect(throws: CountBudget.JournalError.self) {
            try CountBudget(journal: URL(fileURLWithPath: "/proc/no-such-folder/count-budget.jsonl"))
        }
    }
}
