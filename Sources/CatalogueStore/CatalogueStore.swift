import CatalogueModel
import Foundation
import GRDB

/// The catalogue's source of truth: every dataset's raw and normalised record with its provenance,
/// in SQLite.
///
/// A file-backed store is a GRDB `DatabasePool` in WAL mode, so searches keep reading while an
/// import writes; the in-memory twin (``inMemory()``) is a `DatabaseQueue` with the same schema
/// and behaviour, for tests and throwaway catalogues. Foreign keys are on and a writer waits for a
/// busy database instead of failing at once. Every write is one transaction: it happens whole or
/// not at all.
///
/// ```swift
/// let store = try CatalogueStore(path: "catalogue-data/catalogue.sqlite")
/// let summary = try store.importRecords(records, node: "upv")
/// let page = try store.records(hits)          // in the order of the search hits
/// ```
///
/// Times are stored to the millisecond: a record whose `importedAt` has finer precision reads back
/// rounded (``CatalogueRecord/init(raw:normalised:source:importedAt:)`` rounds it up front).
///
/// ## Topics
/// - Opening: ``init(path:)``, ``inMemory()``
/// - Writing: ``importRecords(_:node:source:)``, ``replaceNormalised(_:)``,
///   ``withdrawRecords(node:keeping:)``, ``registerNode(_:name:)``
/// - Reading: ``allRecords()``, ``record(_:)``, ``records(_:)``, ``datasetCount``, ``nodes()``,
///   ``unmappedValues(examplesPerValue:)``, ``importRuns()``
/// - Reindexing: ``forEachRecord(batchSize:_:)``, ``forEachNormalised(batchSize:_:)``
public final class CatalogueStore: Sendable {
    /// The database file, or nil for an in-memory store.
    public let path: String?
    let writer: any DatabaseWriter

    /// Opens the catalogue at `path`, creating the file and its folders if needed, and brings its
    /// schema up to date.
    public convenience init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CatalogueStoreError.cannotOpen(path: path, message: "cannot create its folder (\(error.localizedDescription))")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(synchronous: "NORMAL"))
        } catch let error as DatabaseError {
            throw CatalogueStoreError.cannotOpen(path: path, message: error.storeMessage)
        }
        try self.init(writer: pool, path: path)
    }

    /// A new, empty catalogue in memory with the same schema as a file; gone when released.
    public static func inMemory() throws -> CatalogueStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration(synchronous: nil))
            return try CatalogueStore(writer: queue, path: nil)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.cannotOpen(path: ":memory:", message: error.storeMessage)
        }
    }

    private init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        try migrate()
    }

    private func migrate() throws {
        let shownPath = path ?? ":memory:"
        let migrator = CatalogueSchema.migrator
        do {
            if try writer.read(migrator.hasBeenSuperseded) {
                throw CatalogueStoreError.cannotOpen(
                    path: shownPath, message: "it was written by a newer version of the catalogue")
            }
            try migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.cannotOpen(path: shownPath, message: error.storeMessage)
        }
    }

    /// `synchronous = NORMAL` for files: in WAL mode it cannot corrupt the database, and a power
    /// cut can at worst lose the last committed import, which the next harvest repeats. It saves
    /// an fsync per transaction.
    ///
    /// `mmap_size` of 1 GiB for files: pages are read from the OS page cache without a system call
    /// each. A vocabulary edit touching 10,000 datasets read ~200,000 pages through `pread` with
    /// SQLite's default 8 MB cache; memory-mapped reads took that off the critical path.
    private static func configuration(synchronous: String?) -> Configuration {
        var configuration = Configuration()
        configuration.label = "CatalogueStore"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        if let synchronous {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
                try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            }
        }
        return configuration
    }
}
