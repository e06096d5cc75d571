import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU-heavy work of writers (parsing harvested pages, normalising, building index documents)
/// on threads of their own at a lower CPU priority, so that when a server's searches and a
/// harvest compete for the cores, the searches win (the harvest only takes what they leave).
/// On an idle machine a lower priority costs nothing. Off Swift's cooperative pool, too: a
/// parse there would hold a thread the request handlers need.
public enum BackgroundThread {
    /// The `nice` increment of background threads (Linux applies it per thread).
    static let niceness: Int32 = 10

    private static let marker = ThreadMarker()

    /// Whether the calling thread runs at background priority.
    public static var isCurrent: Bool { marker.isSet }

    /// Lowers the calling thread's priority for the rest of its life and marks it as background.
    public static func lowerCurrentThread() {
        #if os(Linux)
        // Linux gives each thread its own nice value, addressed by its thread id, which
        // /proc/thread-self names ("PID/task/TID"); glibc's gettid() is not imported into Swift.
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
           let tid = link.split(separator: "/").last.flatMap({ id_t(String($0)) }) {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), tid, niceness)
        }
        #endif
        marker.set()
    }

    /// Runs `work` on a new background thread and returns its result when it is done.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                lowerCurrentThread()
                continuation.resume(returning: work())
            }
            thread.name = "background"
            thread.start()
        }
    }

    /// `DispatchQueue.concurrentPerform` on background threads: iteration 0 on the calling
    /// thread, the others on new ones, all done before it returns.
    public static func concurrentPerform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 1 else {
            if iterations == 1 { body(0) }
            return
        }
        let done = DispatchGroup()
        for iteration in 1..<iterations {
            done.enter()
            let thread = Thread {
                lowerCurrentThread()
                body(iteration)
                done.leave()
            }
            thread.start()
        }
        body(0)
        done.wait()
    }
}

/// A per-thread flag (Foundation's thread dictionary needs no Sendable dance here).
private final class ThreadMarker: Sendable {
    private let key = "imaging-catalogue.background"
    var isSet: Bool { Thread.current.threadDictionary[key] != nil }
    func set() { Thread.current.threadDictionary[key] = true }
}
