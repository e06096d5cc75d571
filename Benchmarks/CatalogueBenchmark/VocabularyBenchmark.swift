import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation
import CatalogueStore
import Vocabulary

/// A curator's edit on a large catalogue: 100,000 datasets, one in ten carrying a condition no
/// concept matches. Mapping it (a hidden label) re-normalises those 10,000 datasets; the time from
/// the edit to a search that finds them all is measured, then undone and redone. Also the mean
/// time to normalise one harvested record, single-threaded, over the whole catalogue.
struct VocabularyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vocabulary")

    @Option(help: "Datasets to generate.") var count = 100_000
    @Option(help: "One dataset in this many carries the unmapped condition.") var every = 10
    @Option(help: "Timed edit/undo pairs.") var runs = 5
    @Option(help: "Working folder; emptied first.") var work = "Benchmarks/output/vocabulary"
    @Option(help: "Vocabulary folder.") var vocabularies = "Vocabularies"
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_125
    @Flag(help: "Rebuild the index before timing (with --reuse, after an index format change).") var reindex = false
    @Flag(help: "Reuse the catalogue a previous run left in the working folder (no generation, no import).") var reuse = false

    static let value = "Carcinoma of the thymus"

    func run() throws {
        let workFolder = URL(fileURLWithPath: work)
        if !reuse { try? FileManager.default.removeItem(at: workFolder) }
        let catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: workFolder.appendingPathComponent("home"), vocabularies: URL(fileURLWithPath: vocabularies)))
        let clock = ContinuousClock()
        if !reuse { try importCatalogue(catalogue, into: workFolder, clock: clock) }
        if reindex {
            let rebuilding = try clock.measure { _ = try catalogue.reindex() }
            print("reindexed in \(rebuilding)")
        }

        let normalising = try NormalisationTiming.measure(store: workFolder.appendingPathComponent("home/catalogue.sqlite"))
        print("normalise: \(normalising.records) records, mean \(format(normalising.meanMicroseconds)) µs/record (with lookup recording \(format(normalising.meanWithProbesMicroseconds)) µs)")

        let curator = CatalogueService.ChangeAuthor(name: "benchmark", reason: "benchmark")
        if (try? catalogue.resolveConcept("ct:thymic-carcinoma")) == nil {
            try catalogue.applyVocabularyEdit(.addConcept(
            scheme: .cancerType, id: "thymic-carcinoma", prefLabel: LangString("Thymic carcinoma", language: "en"),
            broader: ["https://w3id.org/imaging-catalogue/vocab/cancer-type/cancer"]), by: curator)
        }
        let concept = "https://w3id.org/imaging-catalogue/vocab/cancer-type/thymic-carcinoma"
        var visible: [Double] = [], edits: [Double] = [], undos: [Double] = []
        for run in 1...runs {
            var found = 0
            var report: VocabularyEditReport?
            let elapsed = try clock.measure {
                report = try catalogue.applyVocabularyEdit(.mapValue(value: Self.value, concept: concept), by: curator)
                found = try catalogue.search(SearchQuery(text: "", filters: ["cancerType=\(concept)"])).total
            }
            guard found == count / every + (count % every == 0 ? 0 : 1) else { throw ValidationError("run \(run): search found \(found) datasets") }
            visible.append(elapsed.seconds)
            edits.append(report?.seconds ?? 0)
            let undoing = try clock.measure { _ = try catalogue.undoVocabularyChange(by: curator) }
            undos.append(undoing.seconds)
            print("run \(run): map → search sees \(found) datasets in \(format(elapsed.seconds)) s (edit \(format(report?.seconds ?? 0)) s, \(report?.datasetsChanged ?? 0) changed); undo \(format(undoing.seconds)) s")
            print("  edit timings: " + (report?.timings ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \(format($0.value))" }.joined(separator: ", "))
        }
        print("")
        print("| Measure | Median of \(runs) | Min | Max |")
        print("|---|---|---|---|")
        for (name, values) in [("edit → visible in search (s)", visible), ("edit alone (s)", edits), ("undo (s)", undos)] {
            let sorted = values.sorted()
            print("| \(name) | \(format(sorted[sorted.count / 2])) | \(format(sorted.first!)) | \(format(sorted.last!)) |")
        }
        print("| normalise one record (µs, mean over \(normalising.records)) | \(format(normalising.meanMicroseconds)) | | |")
    }

    private func importCatalogue(_ catalogue: CatalogueService, into workFolder: URL, clock: ContinuousClock) throws {
        let tree = { (scheme: ConceptScheme) in Self.unique(catalogue.conceptTree(scheme).map(\.concept)) }
        var generator = SyntheticCatalogue(cancerTypes: tree(.cancerType), modalities: tree(.modality), bodySites: tree(.bodySite))
        generator.markedCondition = (every, Self.value)
        let plan = try generator.write(count: count, nodes: 30, perFile: 1_000, to: workFolder.appendingPathComponent("files"), seed: seed)
        let importing = try clock.measure {
            for (node, files) in plan {
                for file in files { _ = try catalogue.importFiles([file], node: node, format: .turtle) }
            }
        }
        print("imported and indexed \(count) datasets in \(importing)")
    }

    static func unique(_ concepts: [ConceptView]) -> [ConceptView] {
        var seen = Set<String>()
        return concepts.filter { seen.insert($0.concept).inserted }
    }

    private func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Normalising every stored raw record again, single-threaded, timing only the normaliser.
enum NormalisationTiming {
    struct Result {
        var records: Int
        var meanMicroseconds: Double
        var meanWithProbesMicroseconds: Double
    }

    static func measure(store path: URL) throws -> Result {
        let store = try CatalogueStore(path: path.path)
        guard let concepts = try store.vocabularyConcepts() else { throw ValidationError("the catalogue has no vocabularies") }
        let normaliser = Normaliser(vocabulary: try Vocabulary(concepts: concepts))
        let clock = ContinuousClock()
        var records = 0
        var plain = Duration.zero, withProbes = Duration.zero
        try store.forEachRecord(batchSize: 2_000) { batch in
            records += batch.count
            plain += clock.measure { for record in batch { _ = normaliser.normalise(record.raw, node: record.key.node) } }
            withProbes += clock.measure { for record in batch { _ = normaliser.normaliseRecordingProbes(record.raw, node: record.key.node) } }
        }
        return Result(records: records, meanMicroseconds: plain.seconds * 1e6 / Double(max(records, 1)),
                      meanWithProbesMicroseconds: withProbes.seconds * 1e6 / Double(max(records, 1)))
    }
}

/// Times the normaliser alone on an existing catalogue (one a `vocabulary` run left behind).
struct NormaliseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "normalise")
    @Option(help: "The catalogue home to read.") var home = "Benchmarks/output/vocabulary/home"

    func run() throws {
        let result = try NormalisationTiming.measure(store: URL(fileURLWithPath: home).appendingPathComponent("catalogue.sqlite"))
        print("normalise: \(result.records) records, mean \(String(format: "%.2f", result.meanMicroseconds)) µs/record (with lookup recording \(String(format: "%.2f", result.meanWithProbesMicroseconds)) µs)")
    }
}
