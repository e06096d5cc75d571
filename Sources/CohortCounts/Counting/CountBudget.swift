import Foundation
import Synchronization

/// How many count queries one user may ask (`reference/privacy.md` §5.5: 10 a minute, 200 a day,
/// SHRINE's values). The limit is about information, not load: a repeated query counts too.
/// Sliding windows per user; the oldest entries are dropped as they leave the day.
///
/// With a journal file, every query taken is appended to it before it is allowed, and the file is
/// read back at start: a restart (or a crash) does not hand everyone a fresh day's budget.
public final class CountBudget: Sendable {
    public struct Limits: Sendable, Equatable {
        public var perMinute: Int
        public var perDay: Int

        public init(perMinute: Int = 10, perDay: Int = 200) {
            self.perMinute = perMinute
            self.perDay = perDay
        }
    }

    /// The journal could not be read or written: the count is not answered (failing closed).
    public struct JournalError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "the count budget journal \(path) \(reason)" }
    }

    public let limits: Limits
    private let asked: Mutex<[String: [Date]]>
    private let journal: CountBudgetJournal?

    /// `journal`: the file the budget is kept in across restarts; nil keeps it in memory only.
    public init(limits: Limits = Limits(), journal: URL? = nil, now: Date = Date()) throws(JournalError) {
        self.limits = limits
        let opened = try journal.map { url throws(JournalError) in try CountBudgetJournal(url, keepingSince: now.addingTimeInterval(-86_400)) }
        self.journal = opened
        asked = Mutex(opened?.entries ?? [:])
    }

    /// Takes one query from `user`'s budget: nil when allowed, else the seconds until one is free.
    public func take(_ user: String, now: Date = Date()) throws(JournalError) -> Int? {
        try asked.withLock { asked throws(JournalError) -> Int? in
            var times = asked[user, default: []].filter { now.timeIntervalSince($0) < 86_400 }
            defer { asked[user] = times }
            let lastMinute = times.filter { now.timeIntervalSince($0) < 60 }
            if times.count >= limits.perDay, let oldest = times.first {
                return max(1, Int((86_400 - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            if lastMinute.count >= limits.perMinute, let oldest = lastMinute.first {
                return max(1, Int((60 - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            try journal?.append(user: user, at: now)
            times.append(now)
            return nil
        }
    }
}
