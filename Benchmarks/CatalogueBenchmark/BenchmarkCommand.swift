import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation
import SearchIndex

/// The benchmarks: `search` (import, reindex and a faceted search mix on a synthetic federation)
/// and `harvest` (a 50,000-dataset catalogue harvested from local files in three serialisations,
/// against rdflib and rapper parsing the same files). Each prints Markdown for `RESULTS.md`.
@main
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue-benchmark",
        subcommands: [
            SearchBenchmark.self, HarvestBenchmark.self, VocabularyBenchmark.self, NormaliseBenchmark.self, ReplayBenchmark.self, CohortBenchmark.self,
        ],
        defaultSubcommand: SearchBenchmark.self)
}

/// Generates a synthetic federation, imports and indexes it through the real pipeline (RDF parse,
/// mapping, normalisation, SQLite, Xapian), then times a mix of faceted searches.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search")

    @Option(help: "Datasets to generate.") var count = 100_000
    @Option(help: "Nodes in the federation.") var nodes = 30
    @Option(name: .customLong("per-file"), help: "Datasets per generated Turtle file.") var perFile = 1_000
    @Option(help: "Timed searches per query class.") var queries = 300
    @Option(help: "Working folder (generated files and catalogue home); emptied first.") var work = "Benchmarks/output"
    @Option(help: "Vocabulary folder.") var vocabularies = "Vocabularies"
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_124
    @Option(help: "Also write the timed searches as API paths to this file (for the HTTP benchmark).") var requests: String?

    func validate() throws {
        guard count > 0, nodes > 0, perFile > 0, queries > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() throws {
        let workFolder = URL(fileURLWithPath: work)
        try? FileManager.default.removeItem(at: workFolder)
        let configuration = CatalogueConfiguration(
            home: workFolder.appendingPathComponent("home"), vocabularies: URL(fileURLWithPath: vocabularies))
        let catalogue = try CatalogueService.open(configuration)
        let cancer = catalogue.conceptTree(.cancerType).map(\.concept)
        let modality = catalogue.conceptTree(.modality).map(\.concept)
        let site = catalogue.conceptTree(.bodySite).map(\.concept)
        let generator = SyntheticCatalogue(cancerTypes: unique(cancer), modalities: unique(modality), bodySites: unique(site))

        let clock = ContinuousClock()
        var plan: [(node: String, files: [URL])] = []
        let generation = try clock.measure {
            plan = try generator.write(count: count, nodes: nodes, perFile: perFile, to: workFolder.appendingPathComponent("files"), seed: seed)
        }
        print("generated \(count) datasets in \(plan.map(\.files.count).reduce(0, +)) files in \(generation)")

        var imported = 0
        let importing = try clock.measure {
            for (node, files) in plan {
                for file in files {
                    imported += try catalogue.importFiles([file], node: node, format: .turtle).imported
                }
            }
        }
        let importSeconds = importing.milliseconds / 1_000
        print("imported and indexed \(imported) datasets in \(importing)")

        var reindexed = 0
        let reindexing = try clock.measure { reindexed = try catalogue.reindex() }
        print("reindexed \(reindexed) datasets in \(reindexing)")

        let stats = try timeSearches(catalogue, cancer: cancer, modality: modality, site: site, words: generator.words.items)
        report(imported: imported, importSeconds: importSeconds, reindexed: reindexed, reindexing: reindexing, stats: stats)
    }

    private func unique(_ concepts: [ConceptView]) -> [ConceptView] {
        var seen = Set<String>()
        return concepts.filter { seen.insert($0.concept).inserted }
    }

    private func timeSearches(
        _ catalogue: CatalogueService, cancer: [ConceptView], modality: [ConceptView], site: [ConceptView], words: [String]
    ) throws -> [LatencyStats] {
        var generator = SeededGenerator(seed: seed &+ 1)
        let classes = SearchMix.classes(cancer: cancer, modality: modality, site: site, words: Array(words.prefix(60)))
        let clock = ContinuousClock()
        let index = try SearchIndex.open(at: catalogue.configuration.indexPath.path, mode: .readOnly)
        var all = LatencyStats(name: "**all classes**", samples: [], indexSamples: [])
        var perClass: [LatencyStats] = []
        var timed: [[SearchQuery]] = []
        for queryClass in classes {
            timed.append([])
            for _ in 0..<10 {
                let query = queryClass.make(&generator)
                _ = try catalogue.search(query)
                _ = try index.search(catalogue.resolve(query))
            }
            var stats = LatencyStats(name: queryClass.name, samples: [], indexSamples: [])
            for _ in 0..<queries {
                let query = queryClass.make(&generator)
                timed[timed.count - 1].append(query)
                stats.samples.append(try clock.measure { _ = try catalogue.search(query) }.milliseconds)
                let request = try catalogue.resolve(query)
                stats.indexSamples.append(try clock.measure { _ = try index.search(request) }.milliseconds)
            }
            all.samples += stats.samples
            all.indexSamples += stats.indexSamples
            perClass.append(stats)
        }
        if let requests {
            // Interleaved (one of each class in turn), so any stretch of a replay is the whole mix.
            let interleaved = (0..<queries).flatMap { row in timed.map { $0[row] } }
            try SearchRequestsFile.write(interleaved, to: URL(fileURLWithPath: requests))
        }
        return perClass + [all]
    }

    private func report(imported: Int, importSeconds: Double, reindexed: Int, reindexing: Duration, stats: [LatencyStats]) {
        print("""

            | measure | value |
            |---|---|
            | datasets | \(imported) in \(nodes) nodes, \(perFile) per file |
            | import + index (parse, map, normalise, SQLite, Xapian) | \(String(format: "%.1f", importSeconds)) s, \(Int(Double(imported) / importSeconds)) datasets/s |
            | reindex from SQLite | \(String(format: "%.1f", reindexing.milliseconds / 1_000)) s (\(reindexed) datasets) |
            | peak RSS | \(PeakMemory.megabytes().map { String(format: "%.0f MB", $0) } ?? "n/a") |

            Search latency, warm, ms. "end to end": `CatalogueService.search` (filter resolution, Xapian
            search with exact total and facet counts, page of 20 read from SQLite, facet tree, views).
            "index": `SearchIndex.search` alone on the resolved request (exact total, hits, all facets).

            | query class | n | end to end p50 | p95 | p99 | max | index p50 | index p95 | index p99 |
            |---|---|---|---|---|---|---|---|---|
            """)
        for stat in stats { print(stat.row) }
    }
}
