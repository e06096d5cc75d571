import Foundation
import CatalogueModel
import Vocabulary

/// Turns the index's flat facet counts into what people see: labels, counts, and for the
/// cancer-type facet a tree in which each value carries its children with their own counts.
///
/// A parent's count is the number of datasets mapped to it or to any descendant (the index counts
/// each ancestor once per dataset), never the sum of its children's counts.
struct FacetTreeBuilder {
    let vocabulary: Vocabulary
    let nodeNames: [String: String]

    func build(_ counts: [FacetField: [String: Int]], selected: [FacetField: Set<String>]) -> [FacetField: [FacetValue]] {
        var result: [FacetField: [FacetValue]] = [:]
        for field in FacetField.allCases {
            var fieldCounts = counts[field] ?? [:]
            for value in selected[field] ?? [] where fieldCounts[value] == nil { fieldCounts[value] = 0 }
            result[field] = field == .cancerType ? tree(fieldCounts) : flat(field, fieldCounts)
        }
        return result
    }

    private func flat(_ field: FacetField, _ counts: [String: Int]) -> [FacetValue] {
        let values = counts.map { FacetValue(value: $0.key, label: label(field, $0.key), count: $0.value) }
        if field == .accessRights {
            return values.sorted { (AccessRights.order.firstIndex(of: $0.value) ?? 9) < (AccessRights.order.firstIndex(of: $1.value) ?? 9) }
        }
        return values.sorted(by: Self.byCountThenLabel)
    }

    private func tree(_ counts: [String: Int]) -> [FacetValue] {
        let roots = counts.keys.filter { iri in
            let parents = vocabulary.concept(iri: iri)?.broader ?? []
            return !parents.contains { counts[$0] != nil }
        }
        return roots.map { node($0, counts, path: []) }.sorted(by: Self.byCountThenLabel)
    }

    private func node(_ iri: String, _ counts: [String: Int], path: Set<String>) -> FacetValue {
        let children = vocabulary.children(of: iri)
            .filter { counts[$0.iri] != nil && !path.contains($0.iri) }
            .map { node($0.iri, counts, path: path.union([iri])) }
            .sorted(by: Self.byCountThenLabel)
        return FacetValue(value: iri, label: label(.cancerType, iri), count: counts[iri] ?? 0, children: children)
    }

    private func label(_ field: FacetField, _ value: String) -> String {
        switch field {
        case .cancerType, .modality, .bodySite: vocabulary.concept(iri: value)?.label ?? value
        case .node: nodeNames[value] ?? value
        case .accessRights: AccessRights.labels[value] ?? value
        }
    }

    private static func byCountThenLabel(_ a: FacetValue, _ b: FacetValue) -> Bool {
        a.count != b.count ? a.count > b.count : a.label.localizedStandardCompare(b.label) == .orderedAscending
    }
}
