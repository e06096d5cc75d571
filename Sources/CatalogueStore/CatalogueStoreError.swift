import CatalogueModel

/// What can go wrong in the catalogue store, with enough context to act on.
///
/// Cases name the database path or the dataset key and carry SQLite's own message (which never
/// includes bound values), so an error can reach a log without carrying harvested record content.
/// Programmer mistakes (a record for another node, a normalised record under the wrong key) are
/// preconditions, not errors.
public enum CatalogueStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database file or its folder could not be created or opened, or its schema could not be
    /// brought up to date (including a file written by a newer version of the catalogue).
    case cannotOpen(path: String, message: String)
    /// SQLite refused a write (a constraint, a full disk, a busy database). The whole operation was
    /// rolled back; `key` is the dataset being written when the failure concerned one.
    case writeFailed(key: DatasetKey?, message: String)
    /// SQLite failed while reading.
    case readFailed(message: String)
    /// A stored JSON column does not decode into its model type (edited by hand, or written by an
    /// incompatible version).
    case corruptRecord(key: DatasetKey, column: String, message: String)
    /// The same dataset key appears twice in one import; nothing was written.
    case duplicateKey(DatasetKey)
    /// A record's content hash is not 64 lower-case hex digits; nothing was written.
    case invalidContentHash(DatasetKey)
    /// An update names a dataset the catalogue does not hold; nothing was written.
    case unknownDataset(DatasetKey)
    /// A live token already has this name; revoke it first or choose another.
    case tokenNameTaken(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let message):
            "cannot open the catalogue at \(path): \(message)"
        case .writeFailed(let key, let message):
            "cannot write to the catalogue" + (key.map { " (dataset \($0))" } ?? "") + ": \(message)"
        case .readFailed(let message):
            "cannot read the catalogue: \(message)"
        case .corruptRecord(let key, let column, let message):
            "the stored \(column) record of dataset \(key) is unreadable: \(message)"
        case .duplicateKey(let key):
            "dataset \(key) appears more than once in one import"
        case .invalidContentHash(let key):
            "dataset \(key) has a content hash that is not a hex SHA-256"
        case .unknownDataset(let key):
            "dataset \(key) is not in the catalogue"
        case .tokenNameTaken(let name):
            "a live token is already named '\(name)': revoke it first (catalogue token revoke) or choose another name"
        }
    }
}
