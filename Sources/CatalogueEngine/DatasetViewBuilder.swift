import CatalogueModel
import Vocabulary

/// Resolves a normalised dataset's concept IRIs into the contract's `ConceptView`s.
struct DatasetViewBuilder {
    let vocabulary: Vocabulary

    func view(_ dataset: NormalisedDataset, source: String?) -> DatasetView {
        DatasetView(
            dataset,
            cancerTypes: dataset.concepts(.cancerType).map(conceptView),
            modalities: dataset.concepts(.modality).map(conceptView),
            bodySites: dataset.concepts(.bodySite).map(conceptView),
            source: source)
    }

    /// A concept no longer in the vocabulary (it was edited since) still shows, by its IRI.
    private func conceptView(_ iri: String) -> ConceptView {
        vocabulary.concept(iri: iri).map(ConceptView.init) ?? ConceptView(concept: iri, label: iri, codes: [:])
    }
}
