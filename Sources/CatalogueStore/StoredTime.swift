import Foundation

/// How the catalogue stores times: whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Integers rather than GRDB's default text form because they round-trip exactly (a record read
/// back equals the one written, once its time is on a millisecond) and cost no date formatting on
/// the import path.
enum StoredTime {
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }

    /// `date` as it will read back from the catalogue.
    static func rounded(_ date: Date) -> Date {
        self.date(milliseconds(date))
    }
}
