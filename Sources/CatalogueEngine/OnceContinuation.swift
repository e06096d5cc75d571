import Synchronization

/// A continuation that is resumed once, by whichever comes first: the job's result, a timeout
/// or the waiting task's cancellation. The later ones are ignored — a job that outlives its
/// waiter finishes on its thread and its result is dropped.
final class OnceContinuation<T: Sendable>: Sendable {
    private enum State {
        case waiting
        case suspended(CheckedContinuation<T, any Error>)
        case resumedEarly(Result<T, any Error>)
        case done
    }

    private let state = Mutex<State>(.waiting)

    /// Suspends until ``resume(with:)``; `start` runs once the continuation is in place.
    func wait(_ start: () -> Void) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let early: Result<T, any Error>? = state.withLock { state in
                if case .resumedEarly(let result) = state {
                    state = .done
                    return result
                }
                state = .suspended(continuation)
                return nil
            }
            if let early { continuation.resume(with: early) } else { start() }
        }
    }

    func resume(with result: Result<T, any Error>) {
        let continuation: CheckedContinuation<T, any Error>? = state.withLock { state in
            switch state {
            case .waiting:
                state = .resumedEarly(result)
                return nil
            case .suspended(let continuation):
                state = .done
                return continuation
            case .resumedEarly, .done:
                return nil
            }
        }
        continuation?.resume(with: result)
    }
}
