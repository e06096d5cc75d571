import CatalogueModel
import Foundation
import GRDB

/// What one vocabulary change writes, in one transaction: the change set, the concepts it
/// touched (upserted, or deleted when absent from `after`), the order of all concepts, and the
/// re-normalised datasets with their new lookup keys.
public struct VocabularyCommit: Sendable {
    public var change: VocabularyChangeRecord
    /// Every concept in order, after the change (positions are rewritten from it).
    public var concepts: [Concept]
    public var renormalised: [(key: DatasetKey, normalised: NormalisedDataset, keys: [String])]

    public init(change: VocabularyChangeRecord, concepts: [Concept], renormalised: [(key: DatasetKey, normalised: NormalisedDataset, keys: [String])]) {
        self.change = change
        self.concepts = concepts
        self.renormalised = renormalised
    }
}

extension CatalogueStore {
    /// The stored concepts in order, or nil when the catalogue has not been seeded yet.
    public func vocabularyConcepts() throws -> [Concept]? {
        try read { db in
            let rows = try String.fetchAll(db, sql: "SELECT concept FROM vocabularyConcept ORDER BY position")
            guard !rows.isEmpty else { return nil }
            let decoder = JSONDecoder()
            return try rows.map { try decoder.decode(Concept.self, from: Data($0.utf8)) }
        }
    }

    /// Stores the change set, the concepts and the re-normalised datasets, all or nothing.
    /// - Returns: the change's id and the keys of the datasets whose normalised record changed.
    @discardableResult
    public func commitVocabularyChange(_ commit: VocabularyCommit) throws -> (id: Int, changed: [DatasetKey]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let coder = RecordCoder()
        return try write { db in
            let touched = commit.change.touched
            let kept = Set(commit.concepts.map(\.iri))
            for iri in touched where !kept.contains(iri) {
                try db.execute(sql: "DELETE FROM vocabularyConcept WHERE iri = ?", arguments: [iri])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO vocabularyConcept (iri, scheme, position, concept) VALUES (?, ?, ?, ?)
                ON CONFLICT (iri) DO UPDATE SET scheme = excluded.scheme, position = excluded.position, concept = excluded.concept
                WHERE position <> excluded.position OR concept <> excluded.concept
                """)
            for (position, concept) in commit.concepts.enumerated() {
                let json = String(decoding: try encoder.encode(concept), as: UTF8.self)
                try upsert.execute(arguments: [concept.iri, concept.scheme.rawValue, position, json])
            }
            var changed: [DatasetKey] = []
            var probes = try ProbeTable.Writer(db)
            // A re-normalised dataset whose record stays the same may still need its document
            // rewritten (an edit of the hierarchy changes the ancestors indexed), so each one is
            // queued for the index explicitly; the triggers queue only changed rows.
            let queue = try db.cachedStatement(sql: "INSERT INTO indexOutbox (node, identifier, facetsOnly) VALUES (?, ?, 1)")
            for item in commit.renormalised {
                if try Self.replaceNormalised(item.key, item.normalised, coder: coder, in: db) {
                    changed.append(item.key)
                } else {
                    try queue.execute(arguments: [item.key.node, item.key.id])
                }
            }
            try probes.replace(commit.renormalised.map { ($0.key, $0.keys) })
            let change = commit.change
            try db.execute(sql: """
                INSERT INTO vocabularyChange (author, createdAt, reason, kind, summary, edit, before, after, reverts, datasetsRenormalised)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    change.author, StoredTime.milliseconds(change.createdAt), change.reason, change.kind, change.summary,
                    try change.edit.map { String(decoding: try encoder.encode($0), as: UTF8.self) },
                    String(decoding: try encoder.encode(change.before), as: UTF8.self),
                    String(decoding: try encoder.encode(change.after), as: UTF8.self),
                    change.reverts, changed.count,
                ])
            let id = Int(db.lastInsertedRowID)
            if let reverted = change.reverts {
                try db.execute(sql: "UPDATE vocabularyChange SET revertedBy = ? WHERE id = ?", arguments: [id, reverted])
            }
            return (id, changed)
        }
    }

    /// Every change set, newest first.
    public func vocabularyHistory(limit: Int = 1_000) throws -> [VocabularyChangeRecord] {
        let decoder = JSONDecoder()
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, author, createdAt, reason, kind, summary, edit, before, after, reverts, revertedBy, datasetsRenormalised
                FROM vocabularyChange ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                let edit: String? = row[6]
                return VocabularyChangeRecord(
                    id: row[0], author: row[1], createdAt: StoredTime.date(row[2]), reason: row[3], kind: row[4], summary: row[5],
                    edit: try edit.map { try decoder.decode(VocabularyEdit.self, from: Data($0.utf8)) },
                    before: try decoder.decode([Concept].self, from: Data((row[7] as String).utf8)),
                    after: try decoder.decode([Concept].self, from: Data((row[8] as String).utf8)),
                    reverts: row[9], revertedBy: row[10], datasetsRenormalised: row[11])
            }
        }
    }

    /// Datasets whose normalisation looked up any of `keys`.
    public func datasets(probing keys: Set<String>) throws -> [DatasetKey] {
        try read { db in try ProbeTable.datasets(probing: keys, in: db) }
    }

    /// Datasets per concept (mapped to it or to a concept below it).
    public func conceptUsage() throws -> [String: Int] {
        try read { db in try ProbeTable.conceptUsage(in: db) }
    }
}
