import CatalogueModel
import CatalogueStore
import Foundation
import Vocabulary

extension CatalogueService {
    /// Who made a change and why; both required, so the history always says.
    public struct ChangeAuthor: Sendable {
        public var name: String
        public var reason: String
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// Applies one curator edit: checks it, stores it as a change set, re-normalises every dataset
    /// whose normalisation it can change, and updates the index — visible to the next search.
    @discardableResult
    public func applyVocabularyEdit(_ edit: VocabularyEdit, by author: ChangeAuthor) throws -> VocabularyEditReport {
        try Self.validate(author)
        let started = ContinuousClock.now
        return try writing("vocabulary edit (\(edit.kind))") {
            let change = try refusing { try vocabulary.applying(edit) }
            return try commit(change, kind: edit.kind, summary: edit.description, edit: edit, reverts: nil, by: author, started: started)
        }
    }

    /// Undoes the newest change still in effect, or change `id` when no later change in effect
    /// touches the same concepts. The undo is itself a change set in the history.
    @discardableResult
    public func undoVocabularyChange(_ id: Int? = nil, by author: ChangeAuthor) throws -> VocabularyEditReport {
        try Self.validate(author)
        let started = ContinuousClock.now
        return try writing("vocabulary undo") { try undoLocked(id, by: author, started: started) }
    }

    private func undoLocked(_ id: Int?, by author: ChangeAuthor, started: ContinuousClock.Instant) throws -> VocabularyEditReport {
        let history = try storeCall { try store.vocabularyHistory(limit: .max) }
        let target = try undoTarget(id, in: history)
        let later = history.filter { $0.id > target.id && $0.revertedBy == nil && $0.kind != "undo" && !$0.touched.isDisjoint(with: target.touched) }
        guard later.isEmpty else {
            throw CatalogueEngineError.vocabularyEditRefused(
                VocabularyEditError.laterChangesDependOn(change: target.id, later: later.map(\.id).sorted()).description)
        }
        let existedBefore = Set(target.before.map(\.iri))
        var concepts = vocabulary.allConcepts.filter { !target.touched.contains($0.iri) || existedBefore.contains($0.iri) }
        for old in target.before {
            if let position = concepts.firstIndex(where: { $0.iri == old.iri }) { concepts[position] = old } else { concepts.append(old) }
        }
        let change = try refusing { try vocabulary.replacing(with: concepts, touched: target.touched) }
        return try commit(change, kind: "undo", summary: "undo #\(target.id): \(target.summary)", edit: nil, reverts: target.id, by: author, started: started)
    }

    private func undoTarget(_ id: Int?, in history: [VocabularyChangeRecord]) throws -> VocabularyChangeRecord {
        guard let id else {
            guard let last = history.first(where: { $0.revertedBy == nil && $0.kind != "undo" && $0.kind != "load" }) else {
                throw CatalogueEngineError.vocabularyEditRefused(VocabularyEditError.nothingToUndo.description)
            }
            return last
        }
        guard let target = history.first(where: { $0.id == id }), target.kind != "load" else {
            throw CatalogueEngineError.vocabularyEditRefused(VocabularyEditError.unknownChange(id).description)
        }
        guard target.revertedBy == nil else {
            throw CatalogueEngineError.vocabularyEditRefused(VocabularyEditError.changeAlreadyUndone(id).description)
        }
        return target
    }

    /// Stores a checked change with the datasets it re-normalises, then updates the index.
    func commit(
        _ change: VocabularyChange, kind: String, summary: String, edit: VocabularyEdit?, reverts: Int?,
        by author: ChangeAuthor, started: ContinuousClock.Instant
    ) throws -> VocabularyEditReport {
        let clock = ContinuousClock()
        var timings: [String: Double] = ["check": (clock.now - started).seconds]
        var mark = clock.now
        func lap(_ name: String) {
            timings[name, default: 0] += (clock.now - mark).seconds
            mark = clock.now
        }
        let affected = try storeCall { try store.datasets(probing: change.changedKeys) }
        lap("find")
        let normaliser = Normaliser(vocabulary: change.vocabulary)
        var renormalised: [(key: DatasetKey, normalised: NormalisedDataset, keys: [String])] = []
        for batch in stride(from: 0, to: affected.count, by: 2_000).map({ Array(affected[$0..<min($0 + 2_000, affected.count)]) }) {
            let records = try storeCall { try store.rawRecords(batch) }
            lap("read")
            renormalised += records.parallelMap { record in
                let result = normaliser.normaliseRecordingProbes(record.raw, node: record.key.node)
                return (record.key, result.dataset, result.probes.sorted())
            }
            lap("normalise")
        }
        let record = VocabularyChangeRecord(
            id: 0, author: author.name, createdAt: Date(), reason: author.reason, kind: kind, summary: summary,
            edit: edit, before: change.before, after: change.after, reverts: reverts)
        let stored = try storeCall {
            try store.commitVocabularyChange(VocabularyCommit(change: record, concepts: change.vocabulary.allConcepts, renormalised: renormalised))
        }
        lap("store")
        let previous = vocabulary
        vocabulary = change.vocabulary
        vocabularyChangeID = stored.id
        // Every re-normalised dataset is re-indexed, changed record or not (the store queued each):
        // an edit of the hierarchy changes the ancestors indexed for a dataset whose own mappings
        // stay the same.
        try catchUpIndex(known: Dictionary(renormalised.map { ($0.key, $0.normalised) }, uniquingKeysWith: { $1 }))
        lap("index")
        try renormaliseSubjects(previous: previous)
        lap("subjects")
        return VocabularyEditReport(
            change: stored.id, kind: kind, summary: summary, datasetsRenormalised: renormalised.count,
            datasetsChanged: stored.changed.count, warnings: change.newWarnings.map(\.message),
            seconds: (ContinuousClock.now - started).seconds, timings: timings)
    }

    /// Normalises every stored dataset again with the current vocabularies, recording its lookups.
    /// - Returns: the number of datasets.
    @discardableResult
    public func renormaliseAll() throws -> Int {
        try writing("re-normalisation of every dataset") { try renormaliseAllLocked() }
    }

    private func renormaliseAllLocked() throws -> Int {
        let normaliser = self.normaliser
        var count = 0
        try storeCall {
            var pending: [(key: DatasetKey, normalised: NormalisedDataset, keys: [String])] = []
            try store.forEachRecord(batchSize: 2_000) { batch in
                pending += batch.parallelMap { record in
                    let result = normaliser.normaliseRecordingProbes(record.raw, node: record.key.node)
                    return (record.key, result.dataset, result.probes.sorted())
                }
            }
            for start in stride(from: 0, to: pending.count, by: 2_000) {
                try store.replaceNormalised(Array(pending[start..<min(start + 2_000, pending.count)]))
            }
            count = pending.count
        }
        try catchUpIndex()
        return count
    }

    /// The change sets, newest first.
    public func vocabularyHistory(limit: Int = 1_000) throws -> [VocabularyChangeRecord] {
        try storeCall { try store.vocabularyHistory(limit: limit) }
    }

    /// The quality checks over the current vocabularies, with dataset usage for deprecated concepts.
    public func checkVocabulary() throws -> [QualityFinding] {
        QualityCheck.run(vocabulary, usage: try storeCall { try store.conceptUsage() })
    }

    /// The curators' queue, most frequent first: dataset values, and subject values (fields
    /// `subject.…`) with the number of subjects carrying them.
    public func unmappedValues(examplesPerValue: Int = 3) throws -> [UnmappedValueSummary] {
        let datasets = try storeCall { try store.unmappedValues(examplesPerValue: examplesPerValue) }
        let subjects = try storeCall { try store.subjectUnmappedValues() }.map { entry in
            var summary = UnmappedValueSummary(
                field: "subject." + entry.field, value: entry.value, datasetCount: entry.datasets.count,
                examples: Array(entry.datasets.prefix(examplesPerValue)),
                nodes: Dictionary(grouping: entry.datasets, by: \.node).mapValues(\.count))
            summary.subjects = entry.subjects
            return summary
        }
        return (datasets + subjects).enumerated().sorted { ($1.element.datasetCount, $0.offset) < ($0.element.datasetCount, $1.offset) }.map(\.element)
    }

    /// Writes the current vocabularies as Turtle files, in the format of `Vocabularies/`.
    public func exportVocabulary(to folder: URL) throws -> [URL] {
        do {
            return try SKOSWriter.write(vocabulary.allConcepts, to: folder)
        } catch {
            throw CatalogueEngineError.fileSystem(path: folder.path, reason: "cannot write the vocabularies there: \(error.localizedDescription)")
        }
    }

    static func validate(_ author: ChangeAuthor) throws {
        if author.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CatalogueEngineError.vocabularyEditRefused("a change needs an author (--author or CATALOGUE_AUTHOR)")
        }
        if author.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CatalogueEngineError.vocabularyEditRefused("a change needs a reason (--reason)")
        }
    }

    func refusing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as VocabularyEditError {
            throw CatalogueEngineError.vocabularyEditRefused(error.description)
        }
    }
}
