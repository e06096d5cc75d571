import GRDB

extension DatabaseError {
    /// SQLite's result code and message, without the SQL or its arguments: safe for logs, and
    /// enough to tell a constraint from a full disk.
    var storeMessage: String {
        "SQLite error \(extendedResultCode.rawValue): \(message ?? "no message")"
    }
}
