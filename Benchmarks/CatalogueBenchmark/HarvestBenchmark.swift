import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation
import Harvesting

/// Harvests one generated node of `--count` datasets (pages of `--per-page`) from local files in
/// Turtle, RDF/XML and JSON-LD through the whole pipeline (fetch, parse, map, normalise, SQLite,
/// Xapian), once per format into a fresh catalogue; then times rdflib (ckanext-dcat's parser) and
/// raptor's `rapper` parsing the same files, through `Benchmarks/peers/parse_peers.py`.
struct HarvestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "harvest")

    @Option(help: "Datasets to generate.") var count = 50_000
    @Option(name: .customLong("per-page"), help: "Datasets per page file.") var perPage = 1_000
    @Option(help: "Working folder; emptied first.") var work = "Benchmarks/output/harvest"
    @Option(help: "Vocabulary folder.") var vocabularies = "Vocabularies"
    @Option(help: "Offline JSON-LD contexts.") var contexts = "Ontologies/jsonld-contexts"
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_124
    @Flag(help: "Skip the rdflib and rapper runs.") var noPeers = false

    static let formats = [("turtle", "ttl"), ("rdfxml", "rdf"), ("jsonld", "jsonld")]

    func run() async throws {
        let workFolder = URL(fileURLWithPath: work)
        try? FileManager.default.removeItem(at: workFolder)
        let pages = try await generate(in: workFolder)
        var rows: [String] = []
        for (format, _) in Self.formats {
            let folder = pages.appendingPathComponent(format)
            let bytes = try folderBytes(folder)
            let (harvested, seconds, timings) = try await harvest(folder, format: format, home: workFolder.appendingPathComponent("home-\(format)"))
            let stages = timings.map { t in [t.pages, t.normalise, t.store, t.index].map { String(format: "%.1f", $0) }.joined(separator: " | ") } ?? "– | – | – | –"
            rows.append("| \(format) | \(String(format: "%.0f", bytes / 1_048_576)) MB | \(harvested) | \(String(format: "%.1f", seconds)) s | \(Int(Double(harvested) / seconds)) | \(stages) |")
            print("harvested \(harvested) datasets from \(format) in \(String(format: "%.1f", seconds)) s")
        }
        print("""

            | format | size | datasets | whole pipeline | datasets/s | pages (fetch, parse, map) s | normalise s | SQLite s | index s |
            |---|---|---|---|---|---|---|---|---|
            """ + "\n" + rows.joined(separator: "\n"))
        print("peak RSS \(PeakMemory.megabytes().map { String(format: "%.0f MB", $0) } ?? "n/a")")
        if !noPeers { try runPeers(pages) }
    }

    /// Turtle pages from the search benchmark's generator (one node), converted to RDF/XML and
    /// JSON-LD by the peers script (rapper and rdflib), so all three hold the same triples.
    private func generate(in workFolder: URL) async throws -> URL {
        let configuration = CatalogueConfiguration(home: workFolder.appendingPathComponent("vocab-home"), vocabularies: URL(fileURLWithPath: vocabularies))
        let catalogue = try CatalogueService.open(configuration)
        let generator = SyntheticCatalogue(
            cancerTypes: unique(catalogue.conceptTree(.cancerType).map(\.concept)),
            modalities: unique(catalogue.conceptTree(.modality).map(\.concept)),
            bodySites: unique(catalogue.conceptTree(.bodySite).map(\.concept)))
        let pages = workFolder.appendingPathComponent("pages")
        let turtle = pages.appendingPathComponent("turtle")
        _ = try generator.write(count: count, nodes: 1, perFile: perPage, to: turtle, seed: seed)
        try peers(["convert", pages.path])
        return pages
    }

    private func harvest(_ folder: URL, format: String, home: URL) async throws -> (Int, Double, HarvestTimings?) {
        let catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: home, vocabularies: URL(fileURLWithPath: vocabularies), jsonldContexts: URL(fileURLWithPath: contexts)))
        let node = NodeConfiguration(id: "bench-\(format)", name: "Benchmark node", country: "EU", endpoint: .local(folder))
        let clock = ContinuousClock()
        var report: HarvestReport?
        let elapsed = try await clock.measure { report = try await catalogue.harvest(node) }
        guard let report, report.run.status == .complete else {
            throw ValidationError("the \(format) harvest did not complete: \(report?.run.error ?? "no report")")
        }
        return (report.run.new, elapsed.milliseconds / 1_000, report.timings)
    }

    private func runPeers(_ pages: URL) throws {
        print("\nrdflib and rapper parsing the same files (parse only):\n")
        try peers(["parse", pages.path])
    }

    private func peers(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Benchmarks/peers/parse_peers.py"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("parse_peers.py \(arguments[0]) failed") }
    }

    private func folderBytes(_ folder: URL) throws -> Double {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])
            .reduce(0) { $0 + Double((try $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
    }

    private func unique(_ concepts: [ConceptView]) -> [ConceptView] {
        var seen = Set<String>()
        return concepts.filter { seen.insert($0.concept).inserted }
    }
}
