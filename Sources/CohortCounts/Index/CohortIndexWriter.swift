import CatalogueModel
import Foundation
import SearchIndex

/// Writes the cohort index (a ``GroupCountingIndex``): one dataset's subjects at a time, replaced
/// whole, or everything rebuilt from the store. Each write ends with a commit that records the
/// store's subject revision it reflects, so an index left behind by a crash is detected and
/// rebuilt at the next opening.
public final class CohortIndexWriter {
    static let revisionKey = "cohortRevision"
    private let index: GroupCountingIndex
    private let secret: NodeSecret
    private let ancestors: (String) -> [String]

    public init(path: URL, secret: NodeSecret, ancestors: @escaping (String) -> [String], overwrite: Bool = false) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        index = try GroupCountingIndex.open(at: path.path, mode: overwrite ? .overwrite : .readWrite)
        self.secret = secret
        self.ancestors = ancestors
    }

    /// The store's subject revision the index reflects; nil for an index never written.
    public static func revision(at path: URL) -> Int? {
        guard FileManager.default.fileExists(atPath: path.path),
              let index = try? GroupCountingIndex.open(at: path.path, mode: .readOnly) else { return nil }
        return (try? index.metadata(revisionKey)).flatMap { Int($0) }
    }

    /// Replaces every document of the dataset stored at `row` by `subjects` (none: removes them).
    public func replaceSubjects(ofDatasetRow row: Int64, node: String, with subjects: [StoredSubject]) throws {
        try index.delete(documentsWith: CohortIndexSchema.datasetTerm(row: row))
        try add(subjects, datasetRow: row, node: node)
    }

    /// Adds subjects of a dataset the index holds no document of (a rebuild into an empty index,
    /// or right after ``replaceSubjects(ofDatasetRow:node:with:)`` deleted them): no look-up of
    /// each subject's unique term, which an import's subjects cannot have (ids are unique in a file).
    public func add(_ subjects: [StoredSubject], datasetRow row: Int64, node: String) throws {
        for subject in subjects {
            let key = secret.cellKeyShare(ofPseudonym: subject.raw.pseudonym)
            try index.add(CohortIndexSchema.document(subject, datasetRow: row, node: node, key: key, ancestors: ancestors))
        }
    }

    /// Commits, recording the store's subject revision the index now reflects.
    public func commit(revision: Int) throws {
        try index.setMetadata(Self.revisionKey, String(revision))
        try index.commit()
    }
}
