import Foundation
import Synchronization

/// Token buckets by key (a token's name, or a client address): each key may make `burst`
/// requests at once and `perSecond` on average. Buckets idle long enough to be full again are
/// dropped when the table grows, so memory stays bounded however many clients come.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let perSecond: Double
    let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])
    private static let pruneAbove = 10_000

    init(perSecond: Double, burst: Int) {
        precondition(perSecond > 0 && burst >= 1, "a rate limit allows something")
        self.perSecond = perSecond
        self.burst = Double(burst)
    }

    /// Takes one request from `key`'s bucket: nil when allowed, else the whole seconds to wait.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            let elapsed = Self.seconds(now - bucket.updated)
            bucket.tokens = min(burst, bucket.tokens + elapsed * perSecond)
            bucket.updated = now
            defer {
                buckets[key] = bucket
                if buckets.count > Self.pruneAbove { prune(&buckets, now: now) }
            }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }

    private func prune(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        let refill = burst / perSecond
        buckets = buckets.filter { Self.seconds(now - $0.value.updated) < refill }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
