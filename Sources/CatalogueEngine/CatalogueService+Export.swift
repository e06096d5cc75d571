import CatalogueModel
import CatalogueStore
import Foundation
import RDF
import Vocabulary

extension CatalogueService {
    /// The base URL (and so the catalogue's IRI) when none is configured: the server's default address.
    public static let defaultExportBaseURL = CatalogueExport.defaultBaseURL
    /// Datasets per export page.
    public static let exportPageSizes = CatalogueExport.pageSizes

    /// The catalogue as DCAT-AP (with HealthDCAT-AP and EUCAIM properties) for portals to harvest.
    ///
    /// - Parameters:
    ///   - page: nil for the whole catalogue in one document; else page `page` (from 1) of
    ///     `pageSize` datasets with Hydra paging links (`?page=N&pageSize=M` on `baseURL`).
    ///   - baseURL: the catalogue's IRI; datasets without a usable harvested IRI get one under it.
    /// - Throws: ``CatalogueExportError`` for a refused base URL, page or page size, or a graph
    ///   that cannot be written; ``CatalogueEngineError`` when the store cannot be read.
    public func exportCatalogue(format: ExportFormat, page: Int?, pageSize: Int, baseURL: String) throws -> (data: Data, mediaType: String) {
        // Validated before the store is read: a refused request costs nothing.
        if let page { try CatalogueExport.checkPage(number: page, size: pageSize) }
        _ = try CatalogueExport.catalogIRI(from: baseURL)
        // Every page reads every record: names are decided over the whole catalogue (see CatalogueExport).
        let records = try storeCall { try store.allRecords() }
        let export = try CatalogueExport(records: records, vocabulary: vocabulary, baseURL: baseURL)
        let graph = try page.map { try export.page(number: $0, size: pageSize) } ?? export.graph()
        return try serialize(graph, format: format)
    }

    /// One dataset as DCAT-AP, named exactly as in ``exportCatalogue(format:page:pageSize:baseURL:)``
    /// (names are decided over the whole catalogue, so every record is read); nil when the
    /// catalogue does not hold `key`.
    public func exportDataset(_ key: DatasetKey, format: ExportFormat, baseURL: String) throws -> (data: Data, mediaType: String)? {
        _ = try CatalogueExport.catalogIRI(from: baseURL)
        let records = try storeCall { try store.allRecords() }
        let export = try CatalogueExport(records: records, vocabulary: vocabulary, baseURL: baseURL)
        guard let graph = export.dataset(key) else { return nil }
        return try serialize(graph, format: format)
    }

    private func serialize(_ graph: Graph, format: ExportFormat) throws -> (data: Data, mediaType: String) {
        do {
            let data = try RDFSerializer(prefixes: ExportTerms.prefixes).serialize(graph, format: Self.exportRDFFormat(format))
            return (data, format.mediaType)
        } catch let error as RDFError {
            throw CatalogueExportError.serialization(error)
        }
    }

    static func exportRDFFormat(_ format: ExportFormat) -> RDFFormat {
        switch format {
        case .turtle: .turtle
        case .rdfxml: .rdfxml
        case .jsonld: .jsonld
        }
    }
}
