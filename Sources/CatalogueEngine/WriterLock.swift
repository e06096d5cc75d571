import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer-per-catalogue lock: an advisory `flock(2)` on a file in the catalogue's home,
/// taken before anything is written (harvest, import, reindex, vocabulary edit) and released
/// after the index caught up.
///
/// `flock` rather than a lock file that exists or not: the kernel releases it when the holder
/// dies, even by `kill -9`, so a crash never leaves a catalogue locked. Each acquisition opens its
/// own file description, so two writers in one process exclude each other as two processes do.
/// The holder writes who it is (operation, pid, since) into the file, for the waiter's message.
final class WriterLock {
    struct Holder: Equatable, CustomStringConvertible {
        var operation: String
        var pid: Int32
        var since: Date

        var description: String {
            "\(operation) (pid \(pid), since \(since.formatted(.iso8601)))"
        }

        var line: String { "\(pid)\t\(since.timeIntervalSince1970)\t\(operation)\n" }

        init(operation: String, pid: Int32, since: Date) {
            self.operation = operation
            self.pid = pid
            self.since = since
        }

        init?(line: String) {
            let parts = line.trimmingCharacters(in: .newlines).split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3, let pid = Int32(parts[0]), let seconds = Double(parts[1]) else { return nil }
            self.init(operation: parts[2], pid: pid, since: Date(timeIntervalSince1970: seconds))
        }
    }

    let path: String
    private var descriptor: Int32 = -1

    init(home: URL) {
        path = home.appendingPathComponent("writer.lock").path
    }

    deinit { release() }

    var isHeld: Bool { descriptor >= 0 }

    /// Takes the lock, waiting up to `timeout` for another writer to finish.
    /// - Throws: ``CatalogueEngineError/catalogueBusy(holder:waitedSeconds:)`` naming the holder
    ///   when it did not finish in time; nothing has been changed then.
    func acquire(operation: String, timeout: Duration) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if try tryAcquire(operation: operation) { return }
            if clock.now >= deadline {
                let waited = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                throw CatalogueEngineError.catalogueBusy(
                    holder: currentHolder()?.description ?? "another process", waitedSeconds: waited)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Takes the lock if nobody holds it; false at once otherwise.
    func tryAcquire(operation: String) throws -> Bool {
        precondition(descriptor < 0, "the writer lock is already held by this object")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CatalogueEngineError.fileSystem(path: path, reason: "cannot open the writer lock: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN || code == EINTR { return false }
            throw CatalogueEngineError.fileSystem(path: path, reason: "cannot take the writer lock: \(String(cString: strerror(code)))")
        }
        descriptor = fd
        let line = Holder(operation: operation, pid: getpid(), since: Date()).line
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
        return true
    }

    func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Who holds the lock now, as the holder wrote it.
    func currentHolder() -> Holder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Holder(line: text)
    }
}
