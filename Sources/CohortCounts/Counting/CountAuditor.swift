import CatalogueModel
import CatalogueStore
import Foundation

/// Writes each count to the audit log with its exact figures, flagging refinements
/// (`reference/privacy.md` §5.6): a count whose query differs from one the same user asked in
/// the last 30 days by exactly one filter, where a dataset's exact counts differ by 1 to k−1 —
/// the shape of a differencing attack. Flags do not block the answer; they are for review.
public struct CountAuditor: Sendable {
    static let refinementWindow: TimeInterval = 30 * 86_400

    let log: CountAuditLog

    public init(log: CountAuditLog) {
        self.log = log
    }

    /// Records one count; returns whether it was flagged as a refinement.
    @discardableResult
    func record(_ entry: CohortAuditEntry, user: String, client: String?, indexRevision: Int, now: Date = Date()) throws -> Bool {
        let earlier = try log.entries(of: user, since: now.addingTimeInterval(-Self.refinementWindow))
            .filter { Self.differByOneFilter($0.query, entry.query) }
        var refinement = false
        let figures = entry.rows.map { row -> CountAuditLog.Figure in
            var flags: [String] = []
            if row.released.isSuppressed { flags.append("suppressed") }
            if row.complementRule { flags.append("complement") }
            let dataset = row.dataset.description
            let refines = earlier.contains { previous in
                previous.figures.contains { $0.dataset == dataset && (1..<DisclosurePolicy.threshold).contains(abs($0.exact - row.exactSubjects)) }
            }
            if refines {
                flags.append("refinement")
                refinement = true
            }
            return CountAuditLog.Figure(dataset: dataset, exact: row.exactSubjects, released: row.released.description, flags: flags)
        }
        try log.append(CountAuditLog.Entry(
            time: now, user: user, client: client, query: entry.query, indexRevision: indexRevision, figures: figures, refinement: refinement))
        return refinement
    }

    /// Whether two canonical queries differ in exactly one filter (one added, removed or changed).
    static func differByOneFilter(_ first: String, _ second: String) -> Bool {
        let a = filters(first), b = filters(second)
        let dimensions = Set(a.keys).union(b.keys)
        return dimensions.filter { a[$0] != b[$0] }.count == 1
    }

    private static func filters(_ canonical: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in canonical.split(separator: "&") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            result[String(pieces[0])] = pieces.count > 1 ? String(pieces[1]) : ""
        }
        return result
    }
}
