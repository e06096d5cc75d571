import CatalogueModel
import CatalogueStore
import Foundation
import Harvesting
import RDF
import SearchIndex
import Vocabulary

extension CatalogueService {
    /// Imports DCAT-AP files as if harvested from `node`.
    ///
    /// Every file is parsed and mapped before anything is written: a malformed file refuses the
    /// whole import and the catalogue stays as it was. The node's earlier records with the same
    /// identifiers are replaced in one transaction; then the index is updated.
    public func importFiles(_ files: [URL], node: String, format: ImportFormat?) throws -> ImportReport {
        let harvested = try files.map { try harvest($0, format: format) }
        var warnings = harvested.flatMap(\.warnings)
        var seen = Set<String>()
        var records: [CatalogueRecord] = []
        for file in harvested {
            for raw in file.datasets {
                guard seen.insert(raw.identifier).inserted else {
                    warnings.append(HarvestWarning(
                        .duplicateDataset, dataset: raw.identifier,
                        detail: "described again in \(file.source); the first description was kept"))
                    continue
                }
                let result = normaliser.normaliseRecordingProbes(raw, node: node)
                records.append(CatalogueRecord(
                    raw: raw, normalised: result.dataset, source: file.source, normalisationKeys: result.probes.sorted()))
            }
        }
        guard !records.isEmpty else {
            throw CatalogueEngineError.noDatasetsFound(files: files.map(\.lastPathComponent))
        }
        let summary = try storeCall { try store.importRecords(records, node: node) }
        try updateIndex(with: records.map(\.normalised))
        return ImportReport(
            node: node,
            files: harvested.map { ImportReport.FileSummary(source: $0.source, datasets: $0.datasets.count) },
            inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
            warnings: warnings, unmapped: Self.distinct(records.flatMap(\.normalised.unmapped)))
    }

    private struct HarvestedFile {
        var source: String
        var datasets: [RawDataset]
        var warnings: [HarvestWarning]
    }

    private func harvest(_ file: URL, format: ImportFormat?) throws -> HarvestedFile {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw CatalogueEngineError.fileNotFound(file.path)
        }
        do {
            let graph = try rdfParser.parse(fileAt: file, format: format.map(Self.rdfFormat))
            let result = DatasetMapper().map(graph)
            return HarvestedFile(source: file.lastPathComponent, datasets: result.datasets, warnings: result.warnings)
        } catch let error as RDFError {
            throw CatalogueEngineError.malformedFile(error.description)
        }
    }

    /// Brings the index in line with the store after a write: replaced documents, removed keys.
    func updateIndex(with datasets: [NormalisedDataset], removing removed: [DatasetKey] = []) throws {
        let builder = IndexDocumentBuilder(vocabulary: vocabulary)
        do {
            let index = try SearchIndex.open(at: configuration.indexPath.path, mode: .readWrite)
            try index.replace(datasets.parallelMap(builder.document))
            if !removed.isEmpty { try index.remove(removed) }
            try index.commit()
        } catch {
            throw CatalogueEngineError.indexStale(String(describing: error))
        }
    }

    /// After a re-normalisation: only facet terms change (text and values are copies of the raw
    /// record), so only those are rewritten.
    func updateIndexFacets(with datasets: [NormalisedDataset]) throws {
        let builder = IndexDocumentBuilder(vocabulary: vocabulary)
        do {
            let index = try SearchIndex.open(at: configuration.indexPath.path, mode: .readWrite)
            try index.updateFacets(datasets.parallelMap(builder.document))
            try index.commit()
        } catch {
            throw CatalogueEngineError.indexStale(String(describing: error))
        }
    }

    static func rdfFormat(_ format: ImportFormat) -> RDFFormat {
        switch format {
        case .turtle: .turtle
        case .rdfxml: .rdfxml
        case .ntriples: .ntriples
        case .jsonld: .jsonld
        }
    }

    static func distinct(_ values: [UnmappedValue]) -> [UnmappedValue] {
        var seen = Set<UnmappedValue>()
        return values.filter { seen.insert($0).inserted }
    }
}
