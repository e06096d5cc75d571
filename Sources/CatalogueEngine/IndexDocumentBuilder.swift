import CatalogueModel
import Vocabulary

/// Describes a normalised dataset to the search index: its text, and its filter values with every
/// concept's ancestors added, so a filter on "lung cancer" also finds NSCLC datasets.
struct IndexDocumentBuilder: Sendable {
    let vocabulary: Vocabulary

    func document(for dataset: NormalisedDataset) -> IndexedDataset {
        var facetValues: [FacetField: [String]] = [.node: [dataset.node]]
        var text = dataset.titles.map(\.value) + dataset.descriptions.map(\.value) + dataset.keywords.map(\.value)
        for scheme in ConceptScheme.allCases {
            let mapped = dataset.concepts(scheme)
            let expanded = expand(mapped)
            if let field = FacetField.allCases.first(where: { $0.scheme == scheme }) {
                facetValues[field] = expanded
            }
            text += mapped.flatMap(allLabels) + expanded.flatMap(prefLabels)
        }
        if let access = dataset.accessRights { facetValues[.accessRights] = [access] }
        return IndexedDataset(
            key: DatasetKey(node: dataset.node, id: dataset.id), title: dataset.title, text: text,
            facetValues: facetValues, subjects: dataset.subjects, modified: dataset.modified)
    }

    /// The concepts and all their ancestors, each once, in a stable order.
    private func expand(_ concepts: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for iri in concepts {
            for value in [iri] + vocabulary.ancestors(of: iri) where seen.insert(value).inserted {
                result.append(value)
            }
        }
        return result
    }

    /// Pref, alt and hidden labels in every language: hidden labels are for finding, not showing.
    private func allLabels(_ iri: String) -> [String] {
        guard let concept = vocabulary.concept(iri: iri) else { return [] }
        return Array(concept.prefLabels.values) + concept.altLabels.map(\.value) + concept.hiddenLabels.map(\.value)
    }

    private func prefLabels(_ iri: String) -> [String] {
        vocabulary.concept(iri: iri).map { Array($0.prefLabels.values) } ?? []
    }
}
