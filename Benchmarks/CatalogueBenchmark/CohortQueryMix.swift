import CatalogueModel
import Foundation
import Vocabulary

/// The cohort benchmark's count queries: 2–5 criteria each (cancer type — a dataset's, or one of
/// its ancestors so descendants are expanded —, modality, body site, sex, a range of age bands),
/// drawn around datasets picked by size so that most queries match somebody. Each query is also
/// written as the SQL `WHERE` clause DuckDB answers it with: descendants expanded into `IN`
/// lists, modalities tested with `list_has_any`.
struct CohortQueryMix {
    struct Query: Encodable {
        var filters: [String: String]
        var sql: String
        /// Filled after the verification pass: exact subjects per dataset index (non-zero only).
        var exact: [String: Int] = [:]
        var canonical = ""
    }

    static func draw(_ count: Int, from workload: CohortWorkload, seed: UInt64) -> [Query] {
        var generator = SeededGenerator(seed: seed ^ 0xC0_4047)
        let bySize = ZipfSampler(workload.datasets.sorted { $0.subjects > $1.subjects }, exponent: 0.7)
        return (0..<count).map { _ in
            let dataset = bySize.draw(using: &generator)
            let dimensions = ["cancerType", "modality", "bodySite", "sex", "age"].shuffled(using: &generator)
                .prefix(Int.random(in: 2...5, using: &generator))
            var filters: [String: String] = [:]
            for dimension in dimensions {
                filters[dimension] = value(dimension, dataset, workload, &generator)
            }
            return Query(filters: filters, sql: sql(filters, workload))
        }
    }

    private static func value(
        _ dimension: String, _ dataset: CohortWorkload.DatasetProfile, _ workload: CohortWorkload, _ generator: inout SeededGenerator
    ) -> String {
        switch dimension {
        case "cancerType":
            let ancestors = workload.vocabulary.ancestors(of: dataset.cancerType)
            if !ancestors.isEmpty, Double.random(in: 0..<1, using: &generator) < 0.4 { return ancestors.randomElement(using: &generator)! }
            return dataset.cancerType
        case "modality": return dataset.modalities.randomElement(using: &generator)!
        case "bodySite": return dataset.bodySite
        case "sex": return workload.sexes.randomElement(using: &generator)!
        default:
            let lower = Int.random(in: 3...7, using: &generator) * 10
            let upper = min(lower + Int.random(in: 1...3, using: &generator) * 10, 90) - 1
            return "\(lower)-\(upper)"
        }
    }

    /// The DuckDB `WHERE` clause of the same question over the same rows.
    static func sql(_ filters: [String: String], _ workload: CohortWorkload) -> String {
        func codes(_ iri: String) -> String {
            ([iri] + workload.vocabulary.descendants(of: iri)).compactMap { workload.codes[$0] }.map(String.init).joined(separator: ", ")
        }
        return filters.keys.sorted().map { dimension in
            let value = filters[dimension]!
            switch dimension {
            case "cancerType": return "cancer IN (\(codes(value)))"
            case "bodySite": return "body_site IN (\(codes(value)))"
            case "modality": return "list_has_any(modalities, [\(codes(value))])"
            case "sex": return "sex = \(value == workload.sexes.first ? 1 : 2)"
            default:
                let bounds = value.split(separator: "-").compactMap { Int($0) }
                return "age_band IN (\(stride(from: bounds[0], through: bounds[1] - 9, by: 10).map(String.init).joined(separator: ", ")))"
            }
        }.joined(separator: " AND ")
    }
}
