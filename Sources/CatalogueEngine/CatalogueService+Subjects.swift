import CatalogueModel
import CatalogueStore
import CohortCounts
import Crypto
import Foundation
import Vocabulary

/// Node mode: a dataset's subjects loaded from the node's file, pseudonymised, normalised with
/// the catalogue's vocabularies, stored, and indexed for cohort counts.
extension CatalogueService {
    public struct SubjectImportReport: Codable, Sendable, Equatable {
        public var dataset: DatasetKey
        public var subjects: Int
        /// False when the same file had been imported before (nothing changed).
        public var changed: Bool
        /// Values no concept matched, per field, with the number of subjects carrying each.
        public var unmapped: [UnmappedSubjectValue]
    }

    public struct UnmappedSubjectValue: Codable, Sendable, Equatable {
        public var field: String
        public var value: String
        public var subjects: Int
    }

    /// Replaces the subjects of `dataset` by those of `file` (CSV or JSON, through `mapping`), all
    /// or nothing: a file with a bad row changes nothing.
    public func importSubjects(_ file: URL, dataset: DatasetKey, mapping mappingFile: URL? = nil) throws -> SubjectImportReport {
        let mapping = try mappingFile.map { try SubjectMapping.load($0) } ?? .standard
        let secret = try NodeSecret.loadOrCreate(configuration.nodeSecretPath)
        let data = try SubjectFileReader.load(file)
        let raw = try SubjectFileReader(mapping: mapping, secret: secret).read(data, of: file)
        var hasher = SHA256()
        hasher.update(data: data)
        hasher.update(data: Data(mapping.fingerprint.utf8))
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return try writing("subject import") {
            let normaliser = SubjectNormaliser(vocabulary: vocabulary)
            let subjects = raw.map { StoredSubject(raw: $0, normalised: normaliser.normalise($0)) }
            var unmapped: [UnmappedValue: Int] = [:]
            for subject in subjects {
                for value in Set(subject.normalised.unmapped) { unmapped[value, default: 0] += 1 }
            }
            let outcome = try storeCall {
                try store.replaceSubjects(of: dataset, with: subjects, unmapped: unmapped, source: file.lastPathComponent,
                                          contentHash: hash, at: Date())
            }
            if case .replaced(let row, let revision) = outcome {
                try writeCohortIndex(revision: revision, secret: secret) { writer in
                    try writer.replaceSubjects(ofDatasetRow: row, node: dataset.node, with: subjects)
                }
            }
            return SubjectImportReport(
                dataset: dataset, subjects: subjects.count, changed: outcome != .unchanged,
                unmapped: unmapped.map { UnmappedSubjectValue(field: $0.key.field, value: $0.key.value, subjects: $0.value) }
                    .sorted { ($1.subjects, $0.field, $0.value) < ($0.subjects, $1.field, $1.value) })
        }
    }

    /// The datasets with subjects and their import summaries.
    public func subjectImports() throws -> [SubjectImportSummary] {
        try storeCall { try store.subjectImports().map(\.summary) }
    }

    /// Rebuilds the cohort index from the store's subjects. - Returns: the number of subjects.
    @discardableResult
    public func reindexSubjects() throws -> Int {
        try writing("cohort reindex") { try rebuildCohortIndex() }
    }

    func rebuildCohortIndex() throws -> Int {
        let revision = try storeCall { try store.subjectRevision() }
        guard revision > 0 else { return 0 }
        let secret = try NodeSecret.load(configuration.nodeSecretPath)
        let vocabulary = self.vocabulary
        let writer = try CohortIndexWriter(path: configuration.cohortIndexPath, secret: secret, ancestors: vocabulary.ancestors(of:), overwrite: true)
        var count = 0
        try storeCall {
            try store.forEachDatasetSubjects { dataset in
                try writer.add(dataset.subjects, datasetRow: dataset.row, node: dataset.dataset.node)
                count += dataset.subjects.count
            }
        }
        try writer.commit(revision: revision)
        return count
    }

    /// After a vocabulary edit: every subject normalised again (each distinct value once), the
    /// changed ones stored, and the cohort documents of every dataset whose subjects changed or
    /// carry a concept whose ancestors changed written again.
    func renormaliseSubjects(previous: Vocabulary) throws {
        guard try storeCall({ try store.subjectRevision() }) > 0 else { return }
        let normaliser = SubjectNormaliser(vocabulary: vocabulary)
        var changes: [(datasetRow: Int64, pseudonym: String, normalised: NormalisedSubject)] = []
        var affected: [(row: Int64, node: String, subjects: [StoredSubject])] = []
        var ancestorsChanged: [String: Bool] = [:]
        try storeCall {
            try store.forEachDatasetSubjects { dataset in
                var subjects = dataset.subjects
                var touched = false
                for index in subjects.indices {
                    let renormalised = normaliser.normalise(subjects[index].raw)
                    let concepts = renormalised.cancerTypes + renormalised.modalities + renormalised.bodySites
                    let moved = concepts.contains { concept in
                        if let known = ancestorsChanged[concept] { return known }
                        let changed = previous.ancestors(of: concept) != vocabulary.ancestors(of: concept)
                        ancestorsChanged[concept] = changed
                        return changed
                    }
                    var comparable = renormalised
                    comparable.unmapped = []
                    if comparable != subjects[index].normalised {
                        changes.append((dataset.row, subjects[index].raw.pseudonym, comparable))
                        subjects[index].normalised = comparable
                        touched = true
                    }
                    if moved { touched = true }
                }
                if touched { affected.append((dataset.row, dataset.dataset.node, subjects)) }
            }
        }
        guard !affected.isEmpty else { return }
        let revision = try storeCall { try store.replaceNormalisedSubjects(changes) }
        let secret = try NodeSecret.load(configuration.nodeSecretPath)
        try writeCohortIndex(revision: revision, secret: secret) { writer in
            for dataset in affected { try writer.replaceSubjects(ofDatasetRow: dataset.row, node: dataset.node, with: dataset.subjects) }
        }
    }

    func cohortIndexIsCurrent() throws -> Bool {
        let revision = try storeCall { try store.subjectRevision() }
        return revision == 0 || CohortIndexWriter.revision(at: configuration.cohortIndexPath) == revision
    }

    /// At opening and after a crash: a cohort index behind the store's subjects is rebuilt.
    func synchroniseCohortIndex() throws -> String? {
        let revision = try storeCall { try store.subjectRevision() }
        guard revision > 0, CohortIndexWriter.revision(at: configuration.cohortIndexPath) != revision else { return nil }
        let count = try rebuildCohortIndex()
        return "the cohort index was behind the catalogue's subjects; rebuilt it (\(count) subject\(count == 1 ? "" : "s"))"
    }

    /// Applies one change (the store's revision went to `revision`) to the cohort index. An index
    /// that was not at the revision before it (a crash between a store commit and the index's)
    /// is rebuilt instead, so it never claims a revision it does not hold.
    private func writeCohortIndex(revision: Int, secret: NodeSecret, _ body: (CohortIndexWriter) throws -> Void) throws {
        // No index yet is revision 0; an index of unknown revision (or of older terms) is rebuilt.
        let exists = FileManager.default.fileExists(atPath: configuration.cohortIndexPath.path)
        guard CohortIndexWriter.revision(at: configuration.cohortIndexPath) ?? (exists ? -1 : 0) == revision - 1 else {
            _ = try rebuildCohortIndex()
            return
        }
        let writer = try CohortIndexWriter(path: configuration.cohortIndexPath, secret: secret, ancestors: vocabulary.ancestors(of:))
        try body(writer)
        try writer.commit(revision: revision)
    }
}
