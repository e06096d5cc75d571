import CatalogueModel
import Foundation
import SearchIndex

/// Counts a canonical query in the cohort index and releases the answer through the disclosure
/// policy. The exact counts live only inside this type (and the audit rows it writes): its
/// public surface returns ``CohortAnswer``, made of ``ProtectedCount`` values.
///
/// One counter per thread: it owns a Xapian reader (not `Sendable`), reopened before each count.
public final class CohortCounter {
    /// A dataset the index may hold subjects of: its key and the store row its documents carry.
    public struct Dataset: Sendable, Hashable {
        public var key: DatasetKey
        public var row: Int64

        public init(key: DatasetKey, row: Int64) {
            self.key = key
            self.row = row
        }
    }

    /// What one count saw per dataset, exactly: for the audit log, never for an answer.
    struct Exact {
        var dataset: DatasetKey
        var count: ExactCount
        var released: ProtectedCount
    }

    private let index: GroupCountingIndex
    /// The datasets' whole sizes and cell keys at one index revision: the same for every query
    /// until the index changes, so counted once per revision rather than once per query.
    private var sizes: (revision: String, groups: [String: GroupCountingIndex.GroupCount])?

    public init(indexPath: URL) throws {
        index = try GroupCountingIndex.open(at: indexPath.path, mode: .readOnly)
    }

    init(index: GroupCountingIndex) {
        self.index = index
    }

    /// The answer to `query` over `datasets` (those the caller may see), each dataset released
    /// by the policy, and written to the audit log (when there is one) under `user` before it
    /// is returned: a count that cannot be audited is not answered.
    public func count(_ query: CohortQuery, datasets: [Dataset], auditor: CountAuditor? = nil, user: String = "local",
                      client: String? = nil) throws -> CohortAnswer {
        let (answer, entry) = try countAuditing(query, datasets: datasets)
        if let auditor {
            try auditor.record(entry, user: user, client: client, indexRevision: sizes.flatMap { Int($0.revision) } ?? 0)
        }
        return answer
    }

    /// The answer and what the audit log records of it (exact counts beside released values).
    func countAuditing(_ query: CohortQuery, datasets: [Dataset]) throws -> (CohortAnswer, CohortAuditEntry) {
        try index.reopen()
        let rows = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0.row) })
        let whole = try datasetSizes()
        let matched = query.isUnfiltered
            ? whole
            : Dictionary(uniqueKeysWithValues: try index.count(matching: CohortIndexSchema.filters(query, datasetRows: rows)).map { ($0.group, $0) })
        var exact: [Exact] = []
        for dataset in datasets.sorted(by: { $0.key < $1.key }) {
            let group = String(dataset.row)
            guard let all = whole[group] else { continue }
            let hit = matched[group]
            let count = ExactCount(subjects: hit?.count ?? 0, cellKey: hit?.keySum ?? 0, datasetSubjects: all.count, datasetCellKey: all.keySum)
            exact.append(Exact(dataset: dataset.key, count: count, released: DisclosurePolicy.release(count)))
        }
        let answer = CohortAnswer(
            query: query.canonical,
            datasets: exact.map { .init(dataset: $0.dataset, holder: $0.dataset.node, subjects: $0.released) })
        return (answer, CohortAuditEntry(query: query.canonical, exact: exact))
    }
}

extension CohortCounter {
    /// Every dataset's size and cell key in the index as it is now (after `reopen`).
    private func datasetSizes() throws -> [String: GroupCountingIndex.GroupCount] {
        let revision = (try? index.metadata(CohortIndexWriter.revisionKey)) ?? ""
        if let sizes, sizes.revision == revision, !revision.isEmpty { return sizes.groups }
        let groups = Dictionary(uniqueKeysWithValues: try index.count(matching: []).map { ($0.group, $0) })
        sizes = (revision, groups)
        return groups
    }
}

/// One count as the audit log records it: the canonical query and, per dataset, the exact count
/// beside the released value. Internal: exact figures never leave this module but into the
/// audit log, which this module writes.
struct CohortAuditEntry: Sendable {
    struct Row: Sendable, Equatable {
        var dataset: DatasetKey
        var exactSubjects: Int
        var released: ProtectedCount
        var complementRule: Bool
    }

    let query: String
    let rows: [Row]

    init(query: String, exact: [CohortCounter.Exact]) {
        self.query = query
        self.rows = exact.map {
            Row(dataset: $0.dataset, exactSubjects: $0.count.subjects, released: $0.released,
                complementRule: $0.count.subjects >= DisclosurePolicy.threshold
                    && $0.count.datasetSubjects - $0.count.subjects < DisclosurePolicy.threshold)
        }
    }
}
