import Foundation
import Harvesting
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Background threads")
struct BackgroundThreadTests {
    /// The nice value of the calling thread, read from /proc (field 19 of its stat line).
    static func currentNiceness() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return Int(fields[16])
    }

    @Test func workRunsOnALowerPriorityThreadMarkedAsBackground() async throws {
        let outer = Self.currentNiceness()
        let (nice, marked) = await BackgroundThread.run { (Self.currentNiceness(), BackgroundThread.isCurrent) }
        #expect(marked)
        #expect(!BackgroundThread.isCurrent)
        #if os(Linux)
        let before = try #require(outer)
        #expect(nice == min(before + 10, 19), "the background thread's nice value")
        #expect(Self.currentNiceness() == before, "the caller's priority is unchanged")
        #endif
    }

    @Test func concurrentPerformRunsEveryIterationOnce() {
        let seen = Mutex<[Int]>([])
        BackgroundThread.concurrentPerform(iterations: 5) { index in seen.withLock { $0.append(index) } }
        #expect(seen.withLock { $0.sorted() } == [0, 1, 2, 3, 4])
    }
}
