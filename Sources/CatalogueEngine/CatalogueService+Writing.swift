import CatalogueModel
import CatalogueStore
import Foundation
import Vocabulary

/// Every write goes through ``CatalogueService/writing(_:_:)``: the writer lock first, then a
/// vocabulary that is current, then the work (whose SQLite commit writes the index outbox), then
/// the index caught up, then the lock released. Nested calls (opening re-normalises and reindexes)
/// take the lock once.
extension CatalogueService {
    func writing<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        try lockForWriting(operation)
        defer { unlockAfterWriting() }
        return try body()
    }

    private func lockForWriting(_ operation: String) throws {
        if lockDepth == 0 {
            try writerLock.acquire(operation: operation, timeout: configuration.lockTimeout)
            do {
                try refreshVocabularyIfChanged()
            } catch {
                writerLock.release()
                throw error
            }
        }
        lockDepth += 1
    }

    private func unlockAfterWriting() {
        lockDepth -= 1
        if lockDepth == 0 { writerLock.release() }
    }

    /// Reloads the vocabulary when another process committed an edit since this one read it: an
    /// import that normalised with the older vocabulary would silently undo the edit.
    func refreshVocabularyIfChanged() throws {
        let latest = try storeCall { try store.latestVocabularyChangeID() }
        guard latest != vocabularyChangeID else { return }
        guard let concepts = try storeCall({ try store.vocabularyConcepts() }) else { return }
        do {
            vocabulary = try Vocabulary(concepts: concepts)
        } catch {
            throw CatalogueEngineError.vocabularyUnusable("the catalogue's stored vocabularies: \(error)")
        }
        vocabularyChangeID = latest
    }
}
