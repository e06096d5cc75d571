import CatalogueModel
import Foundation
import RDF
import Vocabulary

/// Builds the catalogue's own DCAT-AP graph (HealthDCAT-AP and EUCAIM properties included), so
/// HealthData@EU-style portals, and our own `dcat` harvester, can harvest the catalogue.
///
/// One `dcat:Catalog` whose IRI is the base URL lists every dataset. Datasets keep the IRI and
/// `dct:identifier` they were harvested with, because that is how a portal recognises a dataset
/// it already holds; where two nodes use the same identifier or IRI (the catalogue aggregates a
/// federation), the identifier is qualified with the node and the IRI minted under the base,
/// decided over the whole catalogue so that every page names a dataset the same way.
struct CatalogueExport {
    static let defaultBaseURL = "http://127.0.0.1:8080/catalog"
    static let pageSizes = 1...1_000
    static let title = "Imaging Catalogue"
    static let summary = "Cancer-imaging datasets of a federation of data holders, harvested as DCAT-AP, "
        + "HealthDCAT-AP and EUCAIM DCAT-AP, with their conditions, modalities and body sites normalised "
        + "onto curated SKOS vocabularies."

    /// How a dataset is named in the export.
    struct DatasetName {
        var iri: String
        var identifier: String
        /// The harvested IRI could not be used (none, not writable, or shared with another dataset).
        var minted: Bool
    }

    /// Ordered by node, then identifier (the store's order), so pages are stable.
    let records: [CatalogueRecord]
    let vocabulary: Vocabulary
    let catalogIRI: String
    let names: [DatasetKey: DatasetName]

    init(records: [CatalogueRecord], vocabulary: Vocabulary, baseURL: String) throws {
        let base = try Self.catalogIRI(from: baseURL)
        self.records = records
        self.vocabulary = vocabulary
        self.catalogIRI = base
        self.names = Self.names(records, base: base)
    }

    /// The catalogue's IRI for a base URL (trailing slashes dropped), or why the URL cannot be one.
    static func catalogIRI(from baseURL: String) throws -> String {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/"), !base.hasSuffix("://") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false
        else { throw CatalogueExportError.invalidBaseURL(baseURL, reason: "it must be an absolute http or https URL") }
        guard url.fragment == nil, RDFSerializer.isWritableIRI(base) else {
            throw CatalogueExportError.invalidBaseURL(baseURL, reason: "it must have no fragment and no spaces or characters IRIs exclude")
        }
        return base
    }

    /// Pages are numbered from 1 and hold 1–1000 datasets.
    static func checkPage(number: Int, size: Int) throws {
        guard number >= 1 else { throw CatalogueExportError.invalidPage(number) }
        guard pageSizes.contains(size) else { throw CatalogueExportError.invalidPageSize(size, allowed: pageSizes) }
    }

    /// The whole catalogue in one graph.
    func graph() -> Graph {
        build(records[...]).graph
    }

    /// Page `number` (from 1) of `size` datasets, with Hydra paging. A page past the last one is
    /// an empty page that still links back, so a client counting pages ends cleanly.
    func page(number: Int, size: Int) throws -> Graph {
        try Self.checkPage(number: number, size: size)
        let (offset, overflow) = (number - 1).multipliedReportingOverflow(by: size)
        let start = overflow ? records.count : min(records.count, offset)
        let end = min(records.count, start + size)
        var graph = build(records[start..<end])
        addPaging(to: &graph, number: number, size: size)
        return graph.graph
    }

    /// One dataset with the catalogue that lists it, named as in the whole export; nil when the
    /// catalogue does not hold it. Its minted IRI (`BASE/dataset/NODE/ID`) is where it is served.
    func dataset(_ key: DatasetKey) -> Graph? {
        guard let index = records.firstIndex(where: { $0.key == key }) else { return nil }
        return build(records[index...index]).graph
    }

    private func build(_ slice: ArraySlice<CatalogueRecord>) -> ExportGraph {
        var graph = ExportGraph()
        let catalog = Term.iri(catalogIRI)
        describeCatalog(catalog, in: &graph)
        for record in slice {
            graph.add(catalog, ExportTerms.dcat + "dataset", describe(record, in: &graph))
        }
        return graph
    }

    /// The catalogue itself: DCAT-AP's mandatory title, description and publisher, and its dates
    /// from the records (first stored, last changed), so the same catalogue always exports the same.
    private func describeCatalog(_ catalog: Term, in graph: inout ExportGraph) {
        graph.type(catalog, ExportTerms.dcat + "Catalog")
        graph.add(catalog, ExportTerms.dct + "title", ExportGraph.text(Self.title, language: "en"))
        graph.add(catalog, ExportTerms.dct + "description", ExportGraph.text(Self.summary, language: "en"))
        let publisher = Term.iri(catalogIRI + "#publisher")
        graph.add(catalog, ExportTerms.dct + "publisher", publisher)
        graph.type(publisher, ExportTerms.foaf + "Agent")
        graph.add(publisher, ExportTerms.foaf + "name", ExportGraph.text(Self.title))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let dates = records.map(\.importedAt)
        if let first = dates.min(), let last = dates.max() {
            graph.add(catalog, ExportTerms.dct + "issued", ExportGraph.typed(formatter.string(from: first), ExportTerms.xsd + "dateTime"))
            graph.add(catalog, ExportTerms.dct + "modified", ExportGraph.typed(formatter.string(from: last), ExportTerms.xsd + "dateTime"))
        }
    }

    private static func names(_ records: [CatalogueRecord], base: String) -> [DatasetKey: DatasetName] {
        var nodesByIdentifier: [String: Set<String>] = [:]
        var iriUses: [String: Int] = [:]
        for record in records {
            nodesByIdentifier[record.key.id, default: []].insert(record.key.node)
            if let iri = record.raw.iri { iriUses[iri, default: 0] += 1 }
        }
        var names: [DatasetKey: DatasetName] = [:]
        for record in records {
            let key = record.key
            let shared = (nodesByIdentifier[key.id]?.count ?? 0) > 1
            let identifier = shared ? "\(key.node)/\(key.id)" : key.id
            if let iri = record.raw.iri, iriUses[iri] == 1, RDFSerializer.isWritableIRI(iri) {
                names[key] = DatasetName(iri: iri, identifier: identifier, minted: false)
            } else {
                let minted = base + "/dataset/" + pathSegment(key.node) + "/" + pathSegment(key.id)
                names[key] = DatasetName(iri: minted, identifier: identifier, minted: true)
            }
        }
        return names
    }

    /// Unreserved characters only, so a minted IRI is valid whatever the identifier holds.
    private static func pathSegment(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "dataset"
    }
}
