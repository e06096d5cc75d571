import CatalogueModel
import GRDB

extension CatalogueStore {
    /// Runs `body` in one write transaction; SQLite failures become ``CatalogueStoreError``.
    ///
    /// Errors thrown by `body` roll the transaction back and pass through unchanged, so a
    /// failure that names its dataset keeps that context.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.writeFailed(key: nil, message: error.storeMessage)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot); SQLite failures become
    /// ``CatalogueStoreError``.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw CatalogueStoreError.readFailed(message: error.storeMessage)
        }
    }
}
