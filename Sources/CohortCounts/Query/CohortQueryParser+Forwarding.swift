import CatalogueModel
import Foundation

/// What a hub sends its nodes (`reference/privacy.md` §5.2: the canonical query, never the text
/// a researcher typed): one value per dimension, written so that the node's parser, over the
/// same vocabularies, reads it back into the very query the hub canonicalised.
extension CohortQueryParser {
    public struct ForwardedQuery: Sendable {
        /// The canonical query, as the hub counted it and compares the nodes' answers against.
        public var query: CohortQuery
        /// The native `filters` object the nodes receive, in dimension order.
        public var filters: [(field: String, value: String)]
    }

    /// Parses `filters` (failing closed, as for a local count) and writes the canonical value of
    /// each dimension: a concept's IRI, an age band range, a dataset key, a node id. Where one
    /// code stands for several concepts (ORed), the code itself is forwarded, since the node's
    /// vocabularies give it the same concepts and the language has no way to write a list.
    public func forwarded(_ filters: [(field: String, value: String)]) throws(CohortQueryError) -> ForwardedQuery {
        let query = try parse(filters)
        var forwarded: [(field: String, value: String)] = []
        for (name, value) in filters {
            let dimension = try Self.dimension(name)
            guard let values = query.filters[dimension] else { continue }
            forwarded.append((dimension.rawValue, Self.forwardedValue(dimension, values, given: value)))
        }
        return ForwardedQuery(query: query, filters: forwarded.sorted { $0.field < $1.field })
    }

    private static func forwardedValue(_ dimension: CohortQuery.Dimension, _ values: [String], given: String) -> String {
        switch dimension {
        case .age:
            let bands = CohortQuery(filters: [.age: values]).ageBands
            return bands.last == 90 ? "\(bands[0])+" : "\(bands[0])-\(bands.last! + 9)"
        case .cancerType, .modality, .bodySite, .sex, .dataset, .node:
            return values.count == 1 ? values[0] : given.trimmingCharacters(in: .whitespaces)
        }
    }
}
