import CatalogueModel
import Foundation
import SearchIndex

/// One catalogue shared by concurrent callers — the server's request handlers — as a `Sendable`
/// façade over ``CatalogueService``, which is not.
///
/// Reads run on a pool of reader threads, each with its own service: its own SQLite connection
/// (a WAL snapshot per read, so readers never wait on the writer) and its own Xapian reader,
/// reopened before each search so it sees the writer's last commit. Writes (harvests, vocabulary
/// edits) run on one writer thread, which also takes the home's writer lock against other
/// processes. Before each job a service catches up with vocabulary edits committed elsewhere, so
/// a request uses one vocabulary state from start to end.
public final class SharedCatalogue: Sendable {
    public let configuration: CatalogueConfiguration
    private let readers: ServiceThreadPool
    private let writer: ServiceThreadPool
    /// How long a read may take before its caller gets ``SharedCatalogueError/timedOut(seconds:)``.
    private let readTimeout: Duration?

    /// Opens the writer first (which repairs an index an interrupted writer left behind), then
    /// `readers` reader threads. `queueCapacity` bounds the jobs waiting for a reader; past it a
    /// read is refused with ``SharedCatalogueError/overloaded`` instead of queueing without end.
    public init(configuration: CatalogueConfiguration, readers: Int, queueCapacity: Int = 256, readTimeout: Duration? = nil) throws {
        self.configuration = configuration
        self.readTimeout = readTimeout
        // The writer runs at background priority: a harvest or reindex takes the cores searches leave.
        writer = try ServiceThreadPool(name: "catalogue-writer", threads: 1, capacity: 16, configuration: configuration, background: true)
        do {
            self.readers = try ServiceThreadPool(
                name: "catalogue-reader", threads: max(1, readers), capacity: queueCapacity, configuration: configuration)
        } catch {
            writer.stop()
            throw error
        }
    }

    /// Runs `body` on a reader thread. A search that meets Xapian's "database modified" (the writer
    /// committed twice while it read) is retried on a reopened reader.
    public func read<T: Sendable>(_ body: @escaping @Sendable (CatalogueService) throws -> T) async throws -> T {
        try await run(on: readers, timeout: readTimeout) { service in
            var attempt = 1
            while true {
                do {
                    return try body(service)
                } catch let error as CatalogueEngineError where error.isIndexModified && attempt < Self.readAttempts {
                    attempt += 1
                }
            }
        }
    }

    /// Runs `body` on the writer thread, one write at a time.
    public func write<T: Sendable>(_ body: @escaping @Sendable (CatalogueService) throws -> T) async throws -> T {
        try await run(on: writer, timeout: nil, body)
    }

    /// Finishes the queued jobs and closes every service (SQLite connections, Xapian handles).
    public func close() {
        readers.stop()
        writer.stop()
    }

    static let readAttempts = 3

    /// Queues `body` on `pool` and waits for it — at most `timeout`, and no longer than the
    /// waiting task is wanted (a cancelled request stops waiting; the job still finishes).
    private func run<T: Sendable>(
        on pool: ServiceThreadPool, timeout: Duration?, _ body: @escaping @Sendable (CatalogueService) throws -> T
    ) async throws -> T {
        let once = OnceContinuation<T>()
        let timer = timeout.map { timeout in
            Task {
                try await Task.sleep(for: timeout)
                once.resume(with: .failure(SharedCatalogueError.timedOut(seconds: Int(timeout.components.seconds))))
            }
        }
        defer { timer?.cancel() }
        return try await withTaskCancellationHandler {
            try await once.wait {
                let accepted = pool.submit { service in
                    once.resume(with: Result {
                        try service.refreshVocabularyIfChanged()
                        return try body(service)
                    })
                }
                if !accepted { once.resume(with: .failure(SharedCatalogueError.overloaded(waiting: pool.capacity))) }
            }
        } onCancel: {
            once.resume(with: .failure(CancellationError()))
        }
    }
}

/// Why the shared catalogue did not run a job.
public enum SharedCatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `waiting` jobs were already queued: the caller should retry later.
    case overloaded(waiting: Int)
    /// The read took longer than the configured limit; it finishes on its thread, unanswered.
    case timedOut(seconds: Int)

    public var description: String {
        switch self {
        case .overloaded(let waiting):
            "the catalogue is busy: \(waiting) requests are already waiting; try again shortly"
        case .timedOut(let seconds):
            "the catalogue did not answer within \(seconds) s; try again, or narrow the request"
        }
    }
}

extension CatalogueEngineError {
    /// Xapian's DatabaseModifiedError: a reader's revision was overwritten while it read.
    var isIndexModified: Bool {
        if case .index(let error) = self { return error.xapianErrorClass == "DatabaseModifiedError" }
        return false
    }
}
