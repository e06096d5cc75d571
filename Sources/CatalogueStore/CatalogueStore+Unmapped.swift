import CatalogueModel
import GRDB

extension CatalogueStore {
    /// The curators' queue: every unmapped (field, value) pair with the number of datasets that
    /// carry it and a few of them as examples, most frequent first, then by field and value.
    ///
    /// Computed in one query with window functions, so the cost is one pass over `unmappedValue`
    /// however many examples are asked for.
    public func unmappedValues(examplesPerValue: Int = 3) throws -> [UnmappedValueSummary] {
        precondition(examplesPerValue >= 0, "examplesPerValue must not be negative")
        return try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT field, value, datasetCount, node, datasetIdentifier, rank FROM (
                    SELECT field, value, node, datasetIdentifier,
                        COUNT(*) OVER (PARTITION BY field, value) AS datasetCount,
                        ROW_NUMBER() OVER (PARTITION BY field, value ORDER BY node, datasetIdentifier) AS rank
                    FROM unmappedValue)
                WHERE rank <= max(?, 1)
                ORDER BY datasetCount DESC, field, value, rank
                """, arguments: [examplesPerValue])
            var summaries: [UnmappedValueSummary] = []
            while let row = try rows.next() {
                let field: String = row[0], value: String = row[1]
                if summaries.last?.field != field || summaries.last?.value != value {
                    summaries.append(UnmappedValueSummary(field: field, value: value, datasetCount: row[2], examples: []))
                }
                if (row[5] as Int) <= examplesPerValue {
                    summaries[summaries.count - 1].examples.append(DatasetKey(node: row[3], id: row[4]))
                }
            }
            var perNode: [String: [String: Int]] = [:]
            let counts = try Row.fetchCursor(db, sql: "SELECT field, value, node, COUNT(*) FROM unmappedValue GROUP BY field, value, node")
            while let row = try counts.next() {
                perNode[(row[0] as String) + "\u{0}" + (row[1] as String), default: [:]][row[2]] = row[3]
            }
            for index in summaries.indices {
                summaries[index].nodes = perNode[summaries[index].field + "\u{0}" + summaries[index].value] ?? [:]
            }
            return summaries
        }
    }
}
