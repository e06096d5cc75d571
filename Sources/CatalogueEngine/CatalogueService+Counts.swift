import CatalogueModel
import CatalogueStore
import CohortCounts
import Foundation

/// Cohort counts: a query canonicalised (failing closed), counted in the cohort index, and
/// released through the disclosure policy. What leaves here is a ``CohortAnswer``.
extension CatalogueService {
    /// The released counts of subjects matching `filters` (`cancerType=icd10:C50`, `sex=female`,
    /// `age=50-69`, …) in every dataset with subjects; no filters: the datasets' sizes.
    /// Every count is written to the audit log (`count-audit.sqlite` in the home) under `user`,
    /// with `client` (a server's caller address) kept only as a keyed hash. `terms` are ontology
    /// terms without a field (a Beacon request's), each resolved to the filter whose scheme
    /// carries it, with the same parser and one read of the store.
    public func countSubjects(
        _ filters: [(field: String, value: String)], terms: [(term: String, place: String)] = [], user: String = "local", client: String? = nil
    ) throws -> CohortAnswer {
        let imports = try storeCall { try store.subjectImports() }
        let datasets = imports.map { CohortCounter.Dataset(key: $0.summary.dataset, row: $0.row) }
        guard !datasets.isEmpty else { throw CatalogueEngineError.noSubjects }
        let parser = CohortQueryParser(vocabulary: vocabulary, datasets: Set(datasets.map(\.key)))
        let termFilters = try terms.map { entry throws(CohortQueryError) in try parser.filter(forTerm: entry.term, at: entry.place) }
        let query = try parser.parse(termFilters + filters)
        let auditor = CountAuditor(log: try storeCall { try CountAuditLog.shared(at: configuration.countAuditPath.path) })
        // Keyed with the node secret (which exists once subjects do), so the hash cannot be reversed
        // by hashing every address.
        let clientHash = try client.map { String(try nodeSecret().pseudonym(of: "client " + $0).prefix(16)) }
        return try counter().count(query, datasets: datasets, auditor: auditor, user: user, client: clientHash)
    }

    /// Checks the audit log's hash chain: the rows read, and the first that does not follow.
    public func verifyCountAudit() throws -> (rows: Int, firstBrokenRow: Int64?) {
        guard FileManager.default.fileExists(atPath: configuration.countAuditPath.path) else { return (0, nil) }
        let verification = try storeCall { try CountAuditLog(path: configuration.countAuditPath.path).verify() }
        return (verification.rows, verification.firstBrokenRow)
    }

    /// The canonical form of `filters`, or the refusal: what the audit log and a hub send on.
    public func canonicalCountQuery(_ filters: [(field: String, value: String)]) throws -> CohortQuery {
        try countQueryParser().parse(filters)
    }

    /// The native count filters the ontology terms of a Beacon request stand for, each found by
    /// the scheme that carries it; `places` say where each term was written, for a refusal.
    public func countFilters(forTerms terms: [(term: String, place: String)]) throws -> [(field: String, value: String)] {
        let parser = try countQueryParser()
        return try terms.map { entry throws(CohortQueryError) in try parser.filter(forTerm: entry.term, at: entry.place) }
    }

    /// The node secret, read once per service (a server's every count hashes its client with it).
    private func nodeSecret() throws -> NodeSecret {
        if let cachedNodeSecret { return cachedNodeSecret }
        let secret = try NodeSecret.load(configuration.nodeSecretPath)
        cachedNodeSecret = secret
        return secret
    }

    /// The counter of this service's thread, opened once (it reopens the index before each count).
    private func counter() throws -> CohortCounter {
        if let cohortCounter { return cohortCounter }
        guard FileManager.default.fileExists(atPath: configuration.cohortIndexPath.path) else {
            throw CatalogueEngineError.noSubjects
        }
        let opened = try CohortCounter(indexPath: configuration.cohortIndexPath)
        cohortCounter = opened
        return opened
    }
}
