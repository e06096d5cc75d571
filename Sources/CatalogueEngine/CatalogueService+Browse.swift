import CatalogueModel
import CatalogueStore
import Foundation
import SearchIndex
import Vocabulary

/// What the server shows besides searches: one dataset, the nodes, the vocabularies, readiness.
extension CatalogueService {
    /// One dataset with its provenance and raw record; nil when the catalogue holds no such dataset.
    public func dataset(_ key: DatasetKey) throws -> DatasetDetail? {
        guard let record = try storeCall({ try store.record(key) }) else { return nil }
        let view = DatasetViewBuilder(vocabulary: vocabulary).view(record.normalised, source: record.source)
        let provenance = DatasetDetail.Provenance(node: key.node, source: record.source, importedAt: record.importedAt)
        return DatasetDetail(dataset: view, provenance: provenance, raw: record.raw, mappings: mappedValues(record.normalised))
    }

    /// How long a prefix the search box may send, and how many labels it may ask for.
    public static let suggestionPrefixLimit = 100
    public static let suggestionLimits = 1...50

    /// Facet concepts' labels, in any language, that start with `prefix` (or have a word that
    /// does). Built from the current vocabulary each time: a few thousand labels, under a millisecond.
    public func labelSuggestions(prefix: String, limit: Int) -> [LabelSuggestion] {
        LabelSuggester(vocabulary).suggestions(for: prefix, limit: limit)
    }

    /// The scheme of a concept, nil for an IRI the vocabularies do not hold.
    public func scheme(ofConcept iri: String) -> ConceptScheme? {
        vocabulary.concept(iri: iri)?.scheme
    }

    /// Each concept's preferred label in `language`, else its English one; IRIs the vocabularies
    /// do not hold are left out.
    public func conceptLabels(_ iris: Set<String>, language: String) -> [String: String] {
        var labels: [String: String] = [:]
        for iri in iris {
            guard let concept = vocabulary.concept(iri: iri) else { continue }
            labels[iri] = concept.prefLabels[language] ?? concept.label
        }
        return labels
    }

    /// The record's mappings in scheme order (facets, then code lists), each with its concept's label.
    func mappedValues(_ dataset: NormalisedDataset) -> [MappedValue] {
        ConceptScheme.allCases.flatMap { scheme in
            dataset.mappings(scheme).map { mapping in
                MappedValue(
                    field: scheme.rawValue, concept: mapping.concept,
                    label: vocabulary.concept(iri: mapping.concept)?.label ?? mapping.concept, mapping: mapping)
            }
        }
    }

    /// Every node that has imported or harvested, by id, with its dataset count and latest run.
    public func nodeSummaries() throws -> [NodeSummary] {
        let nodes = try storeCall { try store.nodes() }
        return try nodes.map { node in
            let last = try storeCall { try store.harvestRuns(node: node.id, limit: 1) }.first
            return NodeSummary(id: node.id, name: node.name, datasets: node.datasetCount, lastRun: last)
        }
    }

    /// The vocabularies, facets first, with their size.
    public func schemeSummaries() -> [SchemeSummary] {
        SchemeCatalog.all.map { info in
            let count = vocabulary.concepts(in: info.scheme).filter { !$0.deprecated }.count
            return SchemeSummary(
                scheme: info.scheme, iri: info.iri, label: info.title, concepts: count,
                facet: ConceptScheme.facets.contains(info.scheme))
        }
    }

    /// One concept of `scheme` by its identifier there (`nsclc`), with labels, neighbours and
    /// the number of datasets mapped to it or a narrower concept.
    public func concept(_ id: String, in scheme: ConceptScheme) throws -> ConceptDetail {
        let iri = SchemeCatalog.conceptIRI(id, in: scheme)
        guard let concept = vocabulary.concept(iri: iri) else { throw CatalogueEngineError.unknownConcept("\(scheme):\(id)") }
        let labels = concept.prefLabels.sorted { $0.key < $1.key }.map { ConceptDetail.Label(value: $0.value, language: $0.key, kind: .pref) }
            + concept.altLabels.map { ConceptDetail.Label(value: $0.value, language: $0.language, kind: .alt) }
            + concept.hiddenLabels.map { ConceptDetail.Label(value: $0.value, language: $0.language, kind: .hidden) }
        let broader = concept.broader.compactMap { vocabulary.concept(iri: $0) }.map(ConceptView.init)
        let narrower = vocabulary.children(of: iri).filter { !$0.deprecated }.map(ConceptView.init)
        return ConceptDetail(
            concept: ConceptView(concept), scheme: scheme, labels: labels, broader: broader, narrower: narrower,
            matches: concept.matches, deprecated: concept.deprecated, replacedBy: concept.replacedBy,
            datasets: try datasetCount(using: concept))
    }

    /// Readiness for a load balancer: the store answers and the index has applied every change.
    public func readiness() throws -> Readiness {
        let datasets = try storeCall { try store.datasetCount }
        let head = try storeCall { try store.indexOutboxHead() }
        guard IndexLocation(home: configuration.home).exists else {
            guard datasets == 0 else { throw CatalogueEngineError.indexStale("the search index is missing") }
            return Readiness(status: "ready", datasets: 0, indexRevision: 0)
        }
        let applied = try indexCall { try searchReader().appliedOutboxSeq } ?? 0
        guard applied >= head else {
            throw CatalogueEngineError.indexStale("\(head - applied) changes of the catalogue wait to be indexed")
        }
        return Readiness(status: "ready", datasets: datasets, indexRevision: Int(applied))
    }

    /// The index's size and when it last changed (its newest file), for monitoring.
    public func indexStatus() throws -> (documents: Int, changedAt: Date?) {
        guard IndexLocation(home: configuration.home).exists else { return (0, nil) }
        let documents = try indexCall { try searchReader().documentCount }
        let folder = configuration.indexPath.resolvingSymlinksInPath()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        let changed = files.compactMap { try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate }.max()
        return (documents, changed)
    }

    private func datasetCount(using concept: Concept) throws -> Int? {
        guard let field = FacetField.allCases.first(where: { $0.scheme == concept.scheme }) else { return nil }
        let query = SearchQuery(text: "", filters: ["\(field.rawValue)=\(concept.iri)"], sort: .relevance, page: 1, perPage: 1)
        return try search(query).total
    }
}
