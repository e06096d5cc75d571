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
        // Normalised under the lock: with the vocabulary as it is when the records are stored.
        return try writing("import into node \(node)") { try importLocked(harvested, files: files, node: node) }
    }

    private func importLocked(_ harvested: [HarvestedFile], files: [URL], node: String) throws -> ImportReport {
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
        try catchUpIndex(known: Self.byKey(records))
        return ImportReport(
            node: node,
            files: harvested.map { ImportReport.FileSummary(source: $0.source, datasets: $0.datasets.count) },
            inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged,
            warnings: warnings, unmapped: Self.distinct(records.flatMap(\.normalised.unmapped)))
    }

    static func byKey(_ records: [CatalogueRecord]) -> [DatasetKey: NormalisedDataset] {
        Dictionary(records.map { ($0.key, $0.normalised) }, uniquingKeysWith: { $1 })
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
