import CatalogueModel
import Foundation
import RDF

/// One dataset: DCAT-AP 3 properties, then HealthDCAT-AP's numbers, then EUCAIM's imaging
/// properties as harvested and the concepts they were normalised to.
///
/// DCAT-AP's mandatory `dct:title` and `dct:description` are always written (the identifier and
/// a sentence saying none was given stand in), and every class a property's range names is
/// stated (`dct:RightsStatement`, `foaf:Agent`, `foaf:Document`, …): the official shapes check
/// `sh:class` without inference.
extension CatalogueExport {
    static let missingDescription = "No description was given by the data holder."

    func describe(_ record: CatalogueRecord, in graph: inout ExportGraph) -> Term {
        let raw = record.raw
        let normalised = record.normalised
        let name = names[record.key] ?? DatasetName(iri: catalogIRI + "/dataset", identifier: record.key.id, minted: true)
        let dataset = Term.iri(name.iri)
        let dct = ExportTerms.dct
        let dcat = ExportTerms.dcat
        graph.type(dataset, dcat + "Dataset")
        graph.add(dataset, dct + "identifier", ExportGraph.text(name.identifier))
        addOriginalIdentifiers(raw, name, dataset, &graph)

        let titles = raw.titles.compactMap(ExportGraph.text)
        for title in titles.isEmpty ? [ExportGraph.text(normalised.title)].compactMap({ $0 }) : titles {
            graph.add(dataset, dct + "title", title)
        }
        let descriptions = raw.descriptions.compactMap(ExportGraph.text)
        for description in descriptions.isEmpty ? [ExportGraph.text(Self.missingDescription, language: "en")].compactMap({ $0 }) : descriptions {
            graph.add(dataset, dct + "description", description)
        }
        for keyword in raw.keywords { graph.add(dataset, dcat + "keyword", ExportGraph.text(keyword)) }
        if let publisher = raw.publisher { addPublisher(publisher, fallbackName: normalised.publisher, of: dataset, &graph) }
        graph.add(dataset, dct + "issued", date(raw.issued, normalised: normalised.issued))
        graph.add(dataset, dct + "modified", date(raw.modified, normalised: normalised.modified))
        for page in raw.landingPages.compactMap(ExportGraph.iri) {
            graph.add(dataset, dcat + "landingPage", page)
            graph.type(page, ExportTerms.foaf + "Document")
        }
        addAccessRights(raw.accessRights, code: normalised.accessRights, of: dataset, &graph)
        for distribution in raw.distributions {
            addDistribution(distribution, of: dataset, name: name, landingPage: raw.landingPages.lazy.compactMap(ExportGraph.iri).first, &graph)
        }
        for contact in raw.contactPoints { addContact(contact, of: dataset, &graph) }
        for period in raw.temporal { addPeriod(period, of: dataset, &graph) }
        graph.add(dataset, dcat + "version", raw.version.flatMap { ExportGraph.text($0) })

        let health = ExportTerms.healthDCATAP
        graph.add(dataset, health + "numberOfUniqueIndividuals", raw.subjects.flatMap(ExportLexical.count))
        graph.add(dataset, health + "numberOfRecords", raw.studies.flatMap(ExportLexical.count))
        graph.add(dataset, health + "minTypicalAge", raw.minTypicalAge.flatMap(ExportLexical.age))
        graph.add(dataset, health + "maxTypicalAge", raw.maxTypicalAge.flatMap(ExportLexical.age))

        addImagingValues(raw, of: dataset, &graph)
        addConcepts(normalised, of: dataset, &graph)
        addOtherProperties(raw, normalised, of: dataset, &graph)
        return dataset
    }

    /// The lexical form as harvested when it is a valid date, else the normalised calendar date
    /// (`01/05/2024` read as 2024-05-01), else nothing.
    private func date(_ raw: String?, normalised: String?) -> Term? {
        raw.flatMap(ExportLexical.date) ?? normalised.flatMap(ExportLexical.date)
    }

    /// The identifier and IRI as harvested, as `adms:identifier`s, when the export had to rename them.
    private func addOriginalIdentifiers(_ raw: RawDataset, _ name: DatasetName, _ dataset: Term, _ graph: inout ExportGraph) {
        var originals: [String] = []
        if name.identifier != raw.identifier { originals.append(raw.identifier) }
        if name.minted, let iri = raw.iri { originals.append(iri) }
        for original in originals {
            guard let notation = ExportGraph.text(original) else { continue }
            let identifier = graph.blank()
            graph.add(dataset, ExportTerms.adms + "identifier", identifier)
            graph.type(identifier, ExportTerms.adms + "Identifier")
            graph.add(identifier, ExportTerms.skos + "notation", notation)
        }
    }

    /// `dct:accessRights` (at most one): the EU authority IRI of the normalised code; a value
    /// that did not normalise is kept as given (an IRI, or a literal as the label of a statement).
    private func addAccessRights(_ raw: RawValue?, code: String?, of dataset: Term, _ graph: inout ExportGraph) {
        let statement: Term
        if let code, let iri = ExportGraph.iri(ExportTerms.accessRightAuthority + code) {
            statement = iri
        } else if let raw, let iri = raw.isIRI ? ExportGraph.iri(raw.text) : nil {
            statement = iri
        } else if let raw, let label = ExportGraph.text(raw.text) {
            statement = graph.blank()
            graph.add(statement, ExportTerms.rdfs + "label", label)
        } else {
            return
        }
        graph.add(dataset, ExportTerms.dct + "accessRights", statement)
        graph.type(statement, ExportTerms.dct + "RightsStatement")
    }
}
