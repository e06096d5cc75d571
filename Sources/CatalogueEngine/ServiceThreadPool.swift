import Foundation
import Harvesting
import Synchronization

/// A fixed set of threads, each owning one ``CatalogueService`` for its whole life.
///
/// Xapian objects (and the raptor world) never cross threads, and `CatalogueService` keeps a
/// Xapian reader across calls, so a service is opened on its thread and only ever used there.
/// Jobs are taken in arrival order by whichever thread is free.
final class ServiceThreadPool: Sendable {
    typealias Job = @Sendable (CatalogueService) -> Void

    private struct Queue {
        var jobs: [Job] = []
        var stopping = false
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
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
        let openings = Mutex<[Result<Void, any Error>]>([])
        let opened = DispatchSemaphore(value: 0)
        for number in 1...threads {
            let thread = Thread { [self] in
                if background { BackgroundThread.lowerCurrentThread() }
                serve(configuration) { result in
                    openings.withLock { $0.append(result) }
                    opened.signal()
                }
                finished.signal()
            }
            thread.name = "\(name)-\(number)"
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
        let accepted = queue.withLock { queue in
            guard !queue.stopping, queue.jobs.count < capacity else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { available.signal() }
        return accepted
    }

    /// Lets the queued jobs finish, then ends every thread and closes its service.
    func stop() {
        let alreadyStopping = queue.withLock { queue in
            defer { queue.stopping = true }
            return queue.stopping
        }
        guard !alreadyStopping else { return }
        for _ in 0..<threadCount { available.signal() }
        for _ in 0..<threadCount { finished.wait() }
    }

    /// Opens this thread's service, reports the opening, and runs jobs until the pool stops; the
    /// service (its SQLite connection and Xapian reader) is released before this returns.
    private func serve(_ configuration: CatalogueConfiguration, reportOpening: (Result<Void, any Error>) -> Void) {
        let service: CatalogueService
        do {
            service = try CatalogueService.open(configuration)
        } catch {
            reportOpening(.failure(error))
            return
        }
        reportOpening(.success(()))
        run(service)
    }

    private func run(_ service: CatalogueService) {
        while true {
            available.wait()
            let job: Job? = queue.withLock { queue in
                queue.jobs.isEmpty ? nil : queue.jobs.removeFirst()
            }
            guard let job else {
                if queue.withLock({ $0.stopping && $0.jobs.isEmpty }) { return }
                continue
            }
            job(service)
        }
    }
}
