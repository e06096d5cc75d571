import CatalogueModel
import CatalogueStore
import Foundation
import SearchIndex
import Vocabulary

/// Keeping the search index in line with the store (DESIGN.md, "Consistency and concurrency").
///
/// Every transaction that changes datasets also writes index outbox entries (SQLite triggers).
/// The index applies them and records the last entry applied in its own metadata, in the same
/// Xapian commit, so after any crash the difference between the store's outbox and the index's
/// mark is exactly the work left; every writer drains it after its commit, and every opening
/// drains what a killed writer left.
extension CatalogueService {
    /// How many outbox entries one Xapian commit applies: bounds memory on a 100k import.
    static let outboxBatchSize = 5_000

    /// Applies every pending outbox entry to the index. `known` holds normalised records the
    /// caller just committed (saves reading them back); any other key is read from the store.
    /// Runs under the writer lock.
    /// - Returns: how many datasets' documents were rewritten or deleted.
    @discardableResult
    func drainIndexOutbox(known: [DatasetKey: NormalisedDataset] = [:]) throws -> Int {
        precondition(writerLock.isHeld, "the index outbox is drained by the writer only")
        let catalogueID = try storeCall { try store.catalogueID() }
        let builder = IndexDocumentBuilder(vocabulary: vocabulary)
        var applied = 0
        try indexCall {
            let index = try SearchIndex.open(at: configuration.indexPath.path, mode: .readWrite)
            var mark = try index.appliedOutboxSeq ?? 0
            if try index.catalogueID == nil { try index.setCatalogueID(catalogueID) }
            // Entries a killed writer applied but did not get to delete.
            try storeCall { try store.deleteIndexOutbox(through: mark) }
            while true {
                let batch = try storeCall { try store.indexOutbox(after: mark, limit: Self.outboxBatchSize) }
                guard batch.throughSeq > mark else { break }
                let unknown = batch.changes.map(\.key).filter { known[$0] == nil }
                var records = known
                for record in try storeCall({ try store.normalisedRecords(unknown) }) { records[record.key] = record.normalised }
                let full = batch.changes.filter { !$0.facetsOnly }.compactMap { records[$0.key] }
                let facets = batch.changes.filter(\.facetsOnly).compactMap { records[$0.key] }
                let gone = batch.changes.map(\.key).filter { records[$0] == nil }
                try index.replace(full.parallelMap(builder.document))
                try index.updateFacets(facets.parallelMap(builder.document))
                try index.remove(gone)
                try index.setAppliedOutboxSeq(batch.throughSeq)
                try index.commit()
                applied += batch.changes.count
                mark = batch.throughSeq
                try storeCall { try store.deleteIndexOutbox(through: mark) }
            }
        }
        return applied
    }

    /// Rebuilds the search index from the catalogue beside the live one and swaps it in; a
    /// rebuild that is killed leaves the old index in use. Takes the writer lock.
    /// - Returns: the number of datasets indexed.
    @discardableResult
    public func reindex() throws -> Int {
        try writing("reindex") { try rebuildIndex() }
    }

    /// ``reindex()`` for callers that hold the writer lock.
    func rebuildIndex() throws -> Int {
        precondition(writerLock.isHeld, "the index is rebuilt by the writer only")
        let location = IndexLocation(home: configuration.home)
        location.removeUnusedGenerations()
        let generation = location.newGeneration()
        let builder = IndexDocumentBuilder(vocabulary: vocabulary)
        let head = try storeCall { try store.indexOutboxHead() }
        let catalogueID = try storeCall { try store.catalogueID() }
        var count = 0
        try indexCall {
            let index = try SearchIndex.create(at: generation.path)
            try store.forEachNormalised(batchSize: 1_000) { batch in
                try index.replace(batch.parallelMap(builder.document))
                count += batch.count
            }
            try index.setAppliedOutboxSeq(head)
            try index.setCatalogueID(catalogueID)
            try index.commit()
        }
        reader = nil
        try location.swap(to: generation)
        try storeCall { try store.deleteIndexOutbox(through: head) }
        return count
    }

    /// At every opening: an index that is missing, unreadable, of an older layout, of another
    /// catalogue, or ahead of the store is rebuilt; one that lags is caught up. Skipped (to be
    /// done by the writer) when another process holds the writer lock.
    /// - Returns: what was repaired, in words, for the caller to show.
    func synchroniseIndexAtOpening() throws -> [String] {
        let cohortCurrent = try cohortIndexIsCurrent()
        if case .current = try indexState(), cohortCurrent { return [] }
        guard try writerLock.tryAcquire(operation: "opening the catalogue") else { return [] }
        defer { writerLock.release() }
        try refreshVocabularyIfChanged()
        return [try catchUpIndex(), try synchroniseCohortIndex()].compactMap { $0 }
    }

    /// After a writer's commit (and at opening): drains the outbox, or rebuilds an index that
    /// cannot be caught up. Runs under the writer lock.
    /// - Returns: a sentence when something beyond the caller's own changes was repaired.
    @discardableResult
    func catchUpIndex(known: [DatasetKey: NormalisedDataset] = [:]) throws -> String? {
        switch try indexState() {
        case .current:
            return nil
        case .unusable(let problem):
            let count = try rebuildIndex()
            return "the search index \(problem); rebuilt it from the catalogue (\(count) dataset\(count == 1 ? "" : "s"))"
        case .lagging:
            let applied = try drainIndexOutbox(known: known)
            let foreign = applied - known.count
            return foreign > 0 && known.isEmpty
                ? "the search index lagged the catalogue by \(applied) dataset\(applied == 1 ? "" : "s") (an interrupted write); caught up"
                : nil
        }
    }

    enum IndexState: Equatable {
        /// Holds every change the store made.
        case current
        /// Misses outbox entries: draining catches it up.
        case lagging(appliedThrough: Int64, head: Int64)
        /// Cannot be caught up; the reason, in words.
        case unusable(String)
    }

    /// Where the index stands against the store.
    func indexState() throws -> IndexState {
        let location = IndexLocation(home: configuration.home)
        let head = try storeCall { try store.indexOutboxHead() }
        guard location.exists else {
            return try storeCall({ try store.datasetCount }) > 0 ? .unusable("was missing") : (head > 0 ? .lagging(appliedThrough: 0, head: head) : .current)
        }
        do {
            let index = try SearchIndex.open(at: configuration.indexPath.path, mode: .readOnly, forRebuild: true)
            let format = try index.storedFormat
            let documents = try index.documentCount
            if format != SearchIndex.currentFormat, documents > 0 {
                return .unusable("was written in an older layout (format \(format.isEmpty ? "1" : format))")
            }
            let catalogueID = try storeCall { try store.catalogueID() }
            if let found = try index.catalogueID, found != catalogueID { return .unusable("belongs to another catalogue") }
            guard let applied = try index.appliedOutboxSeq else {
                // An index from before the outbox: its documents cannot be trusted to match.
                return documents > 0 ? .unusable("records no position in the catalogue's changes") : .lagging(appliedThrough: 0, head: head)
            }
            if applied > head { return .unusable("is ahead of the catalogue (a restored store?)") }
            return applied == head ? .current : .lagging(appliedThrough: applied, head: head)
        } catch let error as CatalogueEngineError {
            throw error
        } catch {
            return .unusable("could not be read (\(Self.shortReason(error)))")
        }
    }

    static func shortReason(_ error: any Error) -> String {
        if let error = error as? SearchIndexError, case .xapian(_, let errorClass, let message, _) = error {
            return "\(errorClass): \(message)"
        }
        return String(describing: error)
    }

    /// A reader for searches, kept across searches (Xapian's per-revision facet columns are
    /// reused) and reopened to see new commits; opened afresh when a rebuild swapped the index.
    func searchReader() throws -> SearchIndex {
        let generation = try? FileManager.default.destinationOfSymbolicLink(atPath: configuration.indexPath.path)
        if let reader, generation == readerGeneration {
            try reader.reopen()
            return reader
        }
        let opened: SearchIndex
        do {
            opened = try SearchIndex.open(at: configuration.indexPath.path, mode: .readOnly)
        } catch let error as SearchIndexError {
            if case .outdatedFormat = error { throw CatalogueEngineError.indexStale(error.description) }
            throw error
        }
        reader = opened
        readerGeneration = generation
        return opened
    }
}
