import CatalogueModel
import Foundation
import RDF
import Vocabulary

/// What makes the export a cancer-imaging catalogue: the EUCAIM properties with the values as
/// harvested (so nothing a node sent is lost, and a re-harvest normalises them the same way),
/// and the concepts they were normalised to, as `dct:subject` links to described `skos:Concept`s
/// of the catalogue's vocabularies (so a portal can facet on them without our normaliser).
extension CatalogueExport {
    func addImagingValues(_ raw: RawDataset, of dataset: Term, _ graph: inout ExportGraph) {
        let eucaim = ExportTerms.eucaim
        for value in raw.conditions { graph.add(dataset, eucaim + "hasCondition", ExportGraph.raw(value)) }
        for value in raw.modalities { graph.add(dataset, eucaim + "hasImageModality", ExportGraph.raw(value)) }
        for value in raw.bodyParts { graph.add(dataset, eucaim + "hasImageBodyPart", ExportGraph.raw(value)) }
        if let tier = raw.interoperabilityLevel { graph.add(dataset, eucaim + "interoperabilityLevel", ExportGraph.raw(tier)) }
    }

    /// Every scheme's concepts (facets and EUCAIM code lists), most specific only, as the
    /// normaliser recorded them.
    func addConcepts(_ normalised: NormalisedDataset, of dataset: Term, _ graph: inout ExportGraph) {
        for scheme in ConceptScheme.allCases {
            for iri in normalised.concepts(scheme) {
                guard let concept = ExportGraph.iri(iri) else { continue }
                graph.add(dataset, ExportTerms.dct + "subject", concept)
                describeConcept(concept, scheme: scheme, &graph)
            }
        }
    }

    /// `skos:Concept` needs a `skos:prefLabel` in DCAT-AP; a concept the vocabulary no longer
    /// holds is linked but not described.
    private func describeConcept(_ concept: Term, scheme: ConceptScheme, _ graph: inout ExportGraph) {
        guard let iri = concept.iriValue, let known = vocabulary.concept(iri: iri) else { return }
        let labels = known.prefLabels.sorted { $0.key < $1.key }.compactMap { ExportGraph.text($0.value, language: $0.key) }
        guard !labels.isEmpty else { return }
        graph.type(concept, ExportTerms.skos + "Concept")
        for label in labels { graph.add(concept, ExportTerms.skos + "prefLabel", label) }
        graph.add(concept, ExportTerms.skos + "inScheme", ExportGraph.iri(SchemeCatalog.info(scheme).iri))
    }

    /// Properties no profile row maps but the normaliser or EUCAIM consumers read: everything in
    /// the HealthDCAT-AP and EUCAIM namespaces (collection method, birth sex, manufacturer, …) and
    /// `dct:type` IRIs (the EUCAIM dataset type). Blank-node values, kept only as text in the raw
    /// record, and predicates RDF/XML cannot name are left out.
    func addOtherProperties(_ raw: RawDataset, _ normalised: NormalisedDataset, of dataset: Term, _ graph: inout ExportGraph) {
        let datasetType = ExportTerms.dct + "type"
        for (predicate, values) in raw.otherProperties.sorted(by: { $0.key < $1.key }) {
            if predicate == datasetType {
                for case .iri(let text) in values {
                    guard let type = ExportGraph.iri(text) else { continue }
                    graph.add(dataset, datasetType, type)
                    describeDatasetType(type, normalised, &graph)
                }
                continue
            }
            guard ExportTerms.healthAndImagingNamespaces.contains(where: { Self.isLocalName(predicate, in: $0) }) else { continue }
            for value in values where !Self.isBlankNodeText(value) {
                graph.add(dataset, predicate, ExportGraph.raw(value))
            }
        }
    }

    /// `dct:type`'s range is `skos:Concept`: labelled from the vocabulary concept it normalised
    /// to, else by the IRI's last segment.
    private func describeDatasetType(_ type: Term, _ normalised: NormalisedDataset, _ graph: inout ExportGraph) {
        guard let iri = type.iriValue else { return }
        let mapped = normalised.mappings(.datasetType).first { $0.value == iri }.flatMap { vocabulary.concept(iri: $0.concept) }
        var labels = (mapped?.prefLabels ?? [:]).sorted { $0.key < $1.key }.compactMap { ExportGraph.text($0.value, language: $0.key) }
        if labels.isEmpty, let last = iri.split(whereSeparator: { $0 == "/" || $0 == "#" }).last, let label = ExportGraph.text(String(last)) {
            labels = [label]
        }
        guard !labels.isEmpty else { return }
        graph.type(type, ExportTerms.skos + "Concept")
        for label in labels { graph.add(type, ExportTerms.skos + "prefLabel", label) }
    }

    /// `predicate` is `namespace` + a name RDF/XML can write as an element (letter or `_` first,
    /// then letters, digits, `_`, `-`, `.`).
    static func isLocalName(_ predicate: String, in namespace: String) -> Bool {
        guard predicate.hasPrefix(namespace) else { return false }
        let local = predicate.unicodeScalars.dropFirst(namespace.unicodeScalars.count)
        guard let first = local.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return local.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    /// The raw record keeps a blank-node value as Turtle-like text (`[ <p> "v" ]`): not a value
    /// to publish as a literal.
    static func isBlankNodeText(_ value: RawValue) -> Bool {
        guard case .literal(let text, nil, nil) = value else { return false }
        return text == "[]" || (text.hasPrefix("[ <") && text.hasSuffix(" ]"))
    }
}
