import Foundation

/// The server's script: per request target, behaviours consumed one per request (the last one
/// repeats), and the log of requests. Shared by the channel handlers behind a lock.
final class FaultRouter: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: [FaultBehaviour]] = [:]
    private var log: [RecordedRequest] = []

    func route(_ target: String, _ behaviours: [FaultBehaviour]) {
        precondition(!behaviours.isEmpty, "a route needs at least one behaviour")
        lock.withLock { routes[target] = behaviours }
    }

    /// The behaviour for a request, recording it; nil for an unknown target (answered 404).
    func behaviour(for request: RecordedRequest) -> FaultBehaviour? {
        lock.withLock {
            log.append(request)
            guard var script = routes[request.target] else { return nil }
            let next = script.count > 1 ? script.removeFirst() : script[0]
            routes[request.target] = script
            return next
        }
    }

    var requests: [RecordedRequest] { lock.withLock { log } }
}
