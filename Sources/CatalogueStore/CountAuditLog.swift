import CatalogueModel
import Crypto
import Foundation
import GRDB
import Synchronization

/// The audit log of cohort counts (`reference/privacy.md` §5.6): one row per count, append-only
/// and hash-chained (each row's hash covers the previous row's hash and its own content), in a
/// database file of its own, so that counting never waits for the catalogue's writer and the
/// log can be kept, read and retained apart from the catalogue. Rows hold exact counts beside
/// the released values: read access to this file is the node operator's alone.
public final class CountAuditLog: Sendable {
    /// One dataset's figures in a count.
    public struct Figure: Codable, Sendable, Equatable {
        public var dataset: String
        public var exact: Int
        public var released: String
        public var flags: [String]

        public init(dataset: String, exact: Int, released: String, flags: [String]) {
            self.dataset = dataset
            self.exact = exact
            self.released = released
            self.flags = flags
        }
    }

    /// One count as logged.
    public struct Entry: Sendable, Equatable {
        public var id: Int64 = 0
        public var time: Date
        public var user: String
        /// A hash of the client's address (never the address), when the count came over HTTP.
        public var client: String?
        public var query: String
        public var indexRevision: Int
        public var figures: [Figure]
        /// True when a figure was flagged as a refinement of an earlier query of the user.
        public var refinement: Bool

        public init(time: Date, user: String, client: String?, query: String, indexRevision: Int, figures: [Figure], refinement: Bool) {
            self.time = time
            self.user = user
            self.client = client
            self.query = query
            self.indexRevision = indexRevision
            self.figures = figures
            self.refinement = refinement
        }
    }

    /// What `verify` found: the rows checked, and the first whose hash does not hold.
    public struct Verification: Sendable, Equatable {
        public var rows: Int
        public var firstBrokenRow: Int64?

        public init(rows: Int, firstBrokenRow: Int64?) {
            self.rows = rows
            self.firstBrokenRow = firstBrokenRow
        }
    }

    private let queue: DatabaseQueue
    public let path: String

    static let genesis = String(repeating: "0", count: 64)

    private static let opened = Mutex<[String: CountAuditLog]>([:])

    /// The one log of `path` in this process (every reader thread of a server appends to it; one
    /// connection serialises the appends, so the chain never forks).
    public static func shared(at path: String) throws -> CountAuditLog {
        try opened.withLock { logs in
            if let log = logs[path] { return log }
            let log = try CountAuditLog(path: path)
            logs[path] = log
            return log
        }
    }

    public init(path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS countAudit (
                        id INTEGER PRIMARY KEY,
                        time INTEGER NOT NULL,
                        user TEXT NOT NULL,
                        client TEXT,
                        query TEXT NOT NULL,
                        indexRevision INTEGER NOT NULL,
                        figures TEXT NOT NULL,
                        refinement INTEGER NOT NULL CHECK (refinement IN (0, 1)),
                        previousHash TEXT NOT NULL CHECK (length(previousHash) = 64),
                        rowHash TEXT NOT NULL CHECK (length(rowHash) = 64)
                    ) STRICT;
                    CREATE INDEX IF NOT EXISTS countAudit_user_time ON countAudit(user, time);
                    CREATE TRIGGER IF NOT EXISTS countAudit_no_update BEFORE UPDATE ON countAudit
                    BEGIN SELECT RAISE(ABORT, 'the count audit log is append-only'); END;
                    CREATE TRIGGER IF NOT EXISTS countAudit_no_delete BEFORE DELETE ON countAudit
                    BEGIN SELECT RAISE(ABORT, 'the count audit log is append-only'); END;
                    """)
            }
        } catch let error as DatabaseError {
            throw CatalogueStoreError.cannotOpen(path: path, message: error.storeMessage)
        }
    }

    /// Appends `entry`, chaining it to the last row; returns its row id.
    @discardableResult
    public func append(_ entry: Entry) throws -> Int64 {
        do {
            return try queue.write { db in
                let previous = try String.fetchOne(db, sql: "SELECT rowHash FROM countAudit ORDER BY id DESC LIMIT 1") ?? Self.genesis
                let id = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM countAudit") ?? 0) + 1
                var row = entry
                row.id = id
                let figures = try Self.figuresText(row.figures)
                try db.execute(sql: """
                    INSERT INTO countAudit (id, time, user, client, query, indexRevision, figures, refinement, previousHash, rowHash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, StoredTime.milliseconds(row.time), row.user, row.client, row.query, row.indexRevision,
                                     figures, row.refinement ? 1 : 0, previous, Self.hash(row, figures: figures, previous: previous)])
                return id
            }
        } catch let error as DatabaseError {
            throw CatalogueStoreError.writeFailed(key: nil, message: error.storeMessage)
        }
    }

    /// The user's counts since `date`, oldest first (for the refinement check).
    public func entries(of user: String, since date: Date) throws -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM countAudit WHERE user = ? AND time >= ? ORDER BY id",
                             arguments: [user, StoredTime.milliseconds(date)]).map(Self.entry)
        }
    }

    /// Every row, oldest first.
    public func allEntries() throws -> [Entry] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM countAudit ORDER BY id").map(Self.entry) }
    }

    /// Walks the chain from the first row: each row's previous hash must be the row before's
    /// hash, and its own hash must be that of its content.
    public func verify() throws -> Verification {
        try read { db in
            var previous = Self.genesis
            var rows = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM countAudit ORDER BY id")
            while let row = try cursor.next() {
                rows += 1
                let entry = try Self.entry(row)
                let figures: String = row["figures"]
                let stored: String = row["rowHash"], chained: String = row["previousHash"]
                guard chained == previous, stored == Self.hash(entry, figures: figures, previous: previous) else {
                    return Verification(rows: rows, firstBrokenRow: entry.id)
                }
                previous = stored
            }
            return Verification(rows: rows, firstBrokenRow: nil)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.readFailed(message: error.storeMessage)
        }
    }

    /// SHA-256 over the previous hash and the row's fields, each length-prefixed so no two rows
    /// can be written alike.
    static func hash(_ entry: Entry, figures: String, previous: String) -> String {
        let fields = [previous, String(entry.id), String(StoredTime.milliseconds(entry.time)), entry.user, entry.client ?? "",
                      entry.query, String(entry.indexRevision), figures, entry.refinement ? "1" : "0"]
        var hasher = SHA256()
        for field in fields {
            hasher.update(data: Data("\(field.utf8.count):".utf8))
            hasher.update(data: Data(field.utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func figuresText(_ figures: [Figure]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(figures), as: UTF8.self)
    }

    private static func entry(_ row: Row) throws -> Entry {
        let figures = (try? JSONDecoder().decode([Figure].self, from: Data((row["figures"] as String).utf8))) ?? []
        var entry = Entry(time: StoredTime.date(row["time"]), user: row["user"], client: row["client"], query: row["query"],
                          indexRevision: row["indexRevision"], figures: figures, refinement: (row["refinement"] as Int) == 1)
        entry.id = row["id"]
        return entry
    }
}
