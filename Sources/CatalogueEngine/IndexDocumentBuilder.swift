import CatalogueModel
import Vocabulary

/// Describes a normalised dataset to the search index: its text, and its filter values with every
/// concept's ancestors added, so a filter on "lung cancer" also finds NSCLC datasets.
///
/// Concept labels are not indexed as text: search reads them from the vocabularies at query time
/// (`QueryInterpreter`) and matches the concept terms, so a curator's label edit is searchable at
/// once and a removed label stops matching at once, without reindexing.
struct IndexDocumentBuilder: Sendable {
    let vocabulary: Vocabulary

    func document(for dataset: NormalisedDataset) -> IndexedDataset {
        var facetValues: [FacetField: [String]] = [.node: [dataset.node]]
        let text = dataset.titles.map(\.value) + dataset.descriptions.map(\.value) + dataset.keywords.map(\.value)
        for scheme in ConceptScheme.facets {
            if let field = FacetField.allCases.first(where: { $0.scheme == scheme }) {
                facetValues[field] = expand(dataset.concepts(scheme))
            }
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
}
