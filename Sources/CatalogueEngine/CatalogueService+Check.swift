import CatalogueModel
import CatalogueStore
import Foundation
import SearchIndex

extension CatalogueService {
    /// Checks the store (SQLite's `quick_check`) and that the index holds exactly the store's
    /// datasets: every dataset key has its document, the document count matches, and no outbox
    /// entry waits. Reads only; what opening repaired is part of the report.
    public func checkConsistency() throws -> ConsistencyReport {
        let problems = try storeCall { try store.integrityProblems() }
        let keys = try storeCall { try store.datasetKeys() }
        let head = try storeCall { try store.indexOutboxHead() }
        var report = ConsistencyReport(
            repairedAtOpening: openingNotices, storeProblems: problems, datasets: keys.count, indexDocuments: 0,
            pendingIndexChanges: 0, indexProblem: nil, missingFromIndex: [], missingFromIndexCount: 0, extraInIndexCount: 0)
        if case .unusable(let problem) = try indexState() {
            report.indexProblem = problem
            return report
        }
        guard IndexLocation(home: configuration.home).exists else { return report }
        let index = try indexCall { try SearchIndex.open(at: configuration.indexPath.path, mode: .readOnly) }
        let missing = try indexCall { try keys.filter { try !index.contains($0) } }
        report.indexDocuments = try indexCall { try index.documentCount }
        report.pendingIndexChanges = Int(max(0, head - (try indexCall { try index.appliedOutboxSeq } ?? 0)))
        report.missingFromIndex = Array(missing.prefix(20))
        report.missingFromIndexCount = missing.count
        report.extraInIndexCount = max(0, report.indexDocuments - (keys.count - missing.count))
        return report
    }
}
