import Foundation
import Harvesting
import Synchronization

/// A fixed set of threads, each owning one ``CatalogueService`` for its whole life.
///
/// Xapian objects (and the raptor world) never cross threads, and `CatalogueService` keeps a
/// Xapian reader across calls, so a service is opened on its thread and only ever used there.
/// Jobs run in arrival order. A job goes to the thread that became idle last (a stack, not a
/// round): at low load one thread does the work with its caches (facet columns, SQLite pages)
/// warm, instead of every thread in turn with cold ones.
final class ServiceThreadPool: Sendable {
    typealias Job = @Sendable (CatalogueService) -> Void

    private struct State {
        var jobs: [Job] = []
        /// Threads waiting for work, the most recently idle last.
        var idle: [Int] = []
        var stopping = false
    }

    private enum Next {
        case run(Job)
        case wait
        case stop
    }

    private let state = Mutex(State())
    /// One per thread: what wakes it when it is idle.
    private let wakes: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    private let threadCount: Int
    /// How many jobs may wait for a free thread before ``submit(_:)`` refuses more.
    let capacity: Int

    /// Starts `threads` threads and opens a service on each; throws the first opening error
    /// (after stopping the threads that did open). `background` threads run at a lower CPU
    /// priority (``BackgroundThread``).
    init(name: String, threads: Int, capacity: Int, configuration: CatalogueConfiguration, background: Bool = false) throws {
        precondition(threads >= 1, "a pool needs a thread")
        threadCount = threads
        self.capacity = capacity
        wakes = (0..<threads).map { _ in DispatchSemaphore(value: 0) }
        let openings = Mutex<[Result<Void, any Error>]>([])
        let opened = DispatchSemaphore(value: 0)
        for number in 0..<threads {
            let thread = Thread { [self] in
                if background { BackgroundThread.lowerCurrentThread() }
                serve(configuration, thread: number) { result in
                    openings.withLock { $0.append(result) }
                    opened.signal()
                }
                finished.signal()
            }
            thread.name = "\(name)-\(number + 1)"
            thread.start()
        }
        for _ in 1...threads { opened.wait() }
        let failure = openings.withLock { results in
            results.lazy.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
        }
        if let failure {
            stop()
            throw failure
        }
    }

    /// Queues a job; false when `capacity` jobs are already waiting or the pool is stopping.
    func submit(_ job: @escaping Job) -> Bool {
        let (accepted, woken) = state.withLock { state -> (Bool, Int?) in
            guard !state.stopping, state.jobs.count < capacity else { return (false, nil) }
            state.jobs.append(job)
            return (true, state.idle.popLast())
        }
        if let woken { wakes[woken].signal() }
        return accepted
    }

    /// Lets the queued jobs finish, then ends every thread and closes its service.
    func stop() {
        let idle = state.withLock { state -> [Int]? in
            guard !state.stopping else { return nil }
            state.stopping = true
            defer { state.idle = [] }
            return state.idle
        }
        guard let idle else { return }
        for thread in idle { wakes[thread].signal() }
        for _ in 0..<threadCount { finished.wait() }
    }

    /// Opens this thread's service, reports the opening, and runs jobs until the pool stops; the
    /// service (its SQLite connection and Xapian reader) is released before this returns.
    private func serve(_ configuration: CatalogueConfiguration, thread: Int, reportOpening: (Result<Void, any Error>) -> Void) {
        let service: CatalogueService
        do {
            service = try CatalogueService.open(configuration)
        } catch {
            reportOpening(.failure(error))
            return
        }
        reportOpening(.success(()))
        run(service, thread: thread)
    }

    private func run(_ service: CatalogueService, thread: Int) {
        while true {
            let next = state.withLock { state -> Next in
                if !state.jobs.isEmpty { return .run(state.jobs.removeFirst()) }
                if state.stopping { return .stop }
                state.idle.append(thread)
                return .wait
            }
            switch next {
            case .run(let job): job(service)
            case .wait: wakes[thread].wait()
            case .stop: return
            }
        }
    }
}
