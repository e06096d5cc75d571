import Foundation
import Synchronization

/// How many count queries one user may ask (`reference/privacy.md` §5.5: 10 a minute, 200 a day,
/// SHRINE's values). The limit is about information, not load: a repeated query counts too.
/// Sliding windows per user; the oldest entries are dropped as they leave the day.
public final class CountBudget: Sendable {
    public struct Limits: Sendable, Equatable {
        public var perMinute: Int
        public var perDay: Int

        public init(perMinute: Int = 10, perDay: Int = 200) {
            self.perMinute = perMinute
            self.perDay = perDay
        }
    }

    public let limits: Limits
    private let asked = Mutex<[String: [Date]]>([:])

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Takes one query from `user`'s budget: nil when allowed, else the seconds until one is free.
    public func take(_ user: String, now: Date = Date()) -> Int? {
        asked.withLock { asked in
            var times = asked[user, default: []].filter { now.timeIntervalSince($0) < 86_400 }
            defer { asked[user] = times }
            let lastMinute = times.filter { now.timeIntervalSince($0) < 60 }
            if times.count >= limits.perDay, let oldest = times.first {
                return max(1, Int((86_400 - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            if lastMinute.count >= limits.perMinute, let oldest = lastMinute.first {
                return max(1, Int((60 - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            times.append(now)
            return nil
        }
    }
}
