import Foundation

/// The count budget's file: one JSON line per query taken, `{"t":1733251234.5,"u":"ana"}`.
/// At open it is read (a torn last line, left by a crash mid-write, is skipped) and rewritten
/// with the last day's lines only, so it never grows past one day of queries.
final class CountBudgetJournal: @unchecked Sendable {
    // Unchecked: the handle is only used under the budget's mutex.
    private let handle: FileHandle
    private let path: String
    let entries: [String: [Date]]

    private struct Line: Codable {
        var t: Double
        var u: String
    }

    init(_ url: URL, keepingSince cutoff: Date) throws(CountBudget.JournalError) {
        path = url.path
        var kept: [Line] = []
        if FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CountBudget.JournalError(path: url.path, reason: "cannot be read")
            }
            kept = data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Line.self, from: Data($0)) }
                .filter { $0.t >= cutoff.timeIntervalSince1970 }
        }
        let encoder = JSONEncoder()
        let text = kept.compactMap { try? encoder.encode($0) }.map { $0 + Data("\n".utf8) }.reduce(Data(), +)
        do {
            try text.write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
        } catch {
            throw CountBudget.JournalError(path: url.path, reason: "cannot be written (\(error.localizedDescription))")
        }
        entries = Dictionary(grouping: kept, by: \.u).mapValues { $0.map { Date(timeIntervalSince1970: $0.t) }.sorted() }
    }

    deinit {
        try? handle.close()
    }

    func append(user: String, at time: Date) throws(CountBudget.JournalError) {
        do {
            try handle.write(contentsOf: try JSONEncoder().encode(Line(t: time.timeIntervalSince1970, u: user)) + Data("\n".utf8))
        } catch {
            throw CountBudget.JournalError(path: path, reason: "cannot be written (\(error.localizedDescription))")
        }
    }
}
