import ArgumentParser
import CatalogueModel
import CatalogueStore
import CohortCounts
import Foundation
import Vocabulary

/// Issue 11's speed aims: `--subjects` synthetic subjects indexed through the public
/// `CohortIndexWriter` (the build `catalogue subjects import` and `reindex` run), then a mix of
/// count queries through `CohortCounter` with the per-dataset breakdown and the disclosure
/// policy. Writes the same rows as CSV and the queries with their SQL and exact counts (read
/// back from the audit log, the one place exact counts are kept) for `peers/cohort_duckdb.py`.
struct CohortBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cohort", abstract: "Cohort index build and count queries.")

    @Option(help: "Subjects to generate.") var subjects = 2_000_000
    @Option(help: "Datasets they belong to.") var datasets = 5_000
    @Option(help: "Nodes in the federation.") var nodes = 30
    @Option(help: "Count queries in the mix.") var queries = 50
    @Option(help: "Timed passes over the mix (after one warm-up pass).") var runs = 5
    @Option(help: "Working folder; emptied first.") var work = "Benchmarks/output/cohort"
    @Option(help: "Vocabulary folder.") var vocabularies = "Vocabularies"
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_203

    func run() throws {
        let folder = URL(fileURLWithPath: work)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let vocabulary = try Vocabulary.load(from: URL(fileURLWithPath: vocabularies))
        let workload = CohortWorkload(vocabulary: vocabulary, subjects: subjects, datasets: datasets, nodes: nodes, seed: seed)
        let indexPath = folder.appendingPathComponent("cohort-index")
        let secret = try NodeSecret.loadOrCreate(folder.appendingPathComponent("node-secret"))
        let build = try buildIndex(workload, at: indexPath, secret: secret, csv: folder.appendingPathComponent("subjects.csv"))
        print(String(format: "built %d subjects of %d datasets in %.1f s (generation %.1f s, not counted)", subjects, datasets, build.index, build.generation))

        let counter = try CohortCounter(indexPath: indexPath)
        let parser = CohortQueryParser(vocabulary: vocabulary, datasets: Set(workload.datasets.map(\.key)))
        let countable = workload.datasets.map { CohortCounter.Dataset(key: $0.key, row: Int64($0.index + 1)) }
        var mix = CohortQueryMix.draw(queries, from: workload, seed: seed)
        let parsed = try mix.map { try parser.parse($0.filters.sorted { $0.key < $1.key }.map { (field: $0.key, value: $0.value) }) }
        let samples = try time(parsed, counter: counter, datasets: countable)
        try verify(&mix, parsed, counter: counter, datasets: countable, workload: workload, log: folder.appendingPathComponent("audit.sqlite"))
        let report = CohortReport(
            subjects: subjects, datasets: datasets, queries: queries, runs: runs, buildSeconds: build.index,
            generationSeconds: build.generation, peakRSSMegabytes: PeakMemory.megabytes() ?? .nan,
            latenciesMilliseconds: samples, mix: mix)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: folder.appendingPathComponent("swift.json"))
        print(String(format: "count p50 %.2f ms over %d samples; peak RSS %.0f MB", LatencyStats(name: "", samples: samples, indexSamples: []).percentile(50),
                     samples.count, report.peakRSSMegabytes))
    }

    /// Generates each dataset's subjects (timed apart), writes them as CSV and adds them to the index.
    private func buildIndex(_ workload: CohortWorkload, at path: URL, secret: NodeSecret, csv: URL) throws -> (index: Double, generation: Double) {
        let writer = try CohortIndexWriter(path: path, secret: secret, ancestors: workload.vocabulary.ancestors(of:), overwrite: true)
        FileManager.default.createFile(atPath: csv.path, contents: Data("dataset,sex,age_band,cancer,body_site,modalities\n".utf8))
        let output = try FileHandle(forWritingTo: csv)
        try output.seekToEnd()
        defer { try? output.close() }
        let clock = ContinuousClock()
        var indexing = Duration.zero, generating = Duration.zero
        var serial: UInt64 = 0
        for dataset in workload.datasets {
            var stored: [StoredSubject] = []
            var text = ""
            generating += clock.measure {
                let drawn = workload.subjects(of: dataset, seed: seed)
                stored.reserveCapacity(drawn.count)
                for subject in drawn {
                    serial += 1
                    let pseudonym = String(format: "%016llx%016llx", serial, serial &* 0x9E37_79B9_7F4A_7C15)
                    stored.append(StoredSubject(
                        raw: RawSubject(pseudonym: pseudonym),
                        normalised: NormalisedSubject(sex: subject.sex, ageBand: subject.ageBand, cancerTypes: [subject.cancerType],
                                                      modalities: subject.modalities, bodySites: [subject.bodySite])))
                    text += workload.csvRow(subject, dataset: dataset.index + 1)
                }
            }
            try output.write(contentsOf: Data(text.utf8))
            indexing += try clock.measure {
                try writer.add(stored, datasetRow: Int64(dataset.index + 1), node: dataset.key.node)
            }
        }
        indexing += try clock.measure { try writer.commit(revision: 1) }
        return (indexing.seconds, generating.seconds)
    }

    /// One warm-up pass (the index's group column is built by the first count), then `runs`
    /// passes; milliseconds per count, the policy's release of every dataset included.
    private func time(_ queries: [CohortQuery], counter: CohortCounter, datasets: [CohortCounter.Dataset]) throws -> [Double] {
        for query in queries { _ = try counter.count(query, datasets: datasets) }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<runs {
            for query in queries {
                samples.append(try clock.measure { _ = try counter.count(query, datasets: datasets) }.milliseconds)
            }
        }
        return samples
    }

    /// Counts every query once more with an audit log, and reads the exact counts back from it.
    private func verify(
        _ mix: inout [CohortQueryMix.Query], _ queries: [CohortQuery], counter: CohortCounter, datasets: [CohortCounter.Dataset],
        workload: CohortWorkload, log path: URL
    ) throws {
        let log = try CountAuditLog(path: path.path)
        let auditor = CountAuditor(log: log)
        let indexOf = Dictionary(uniqueKeysWithValues: workload.datasets.map { ($0.key.description, $0.index + 1) })
        for (position, query) in queries.enumerated() {
            _ = try counter.count(query, datasets: datasets, auditor: auditor, user: "benchmark-\(position)")
            let entry = try require(try log.entries(of: "benchmark-\(position)", since: .distantPast).last, "the audit row of query \(position)")
            mix[position].canonical = entry.query
            for figure in entry.figures where figure.exact > 0 {
                mix[position].exact[String(indexOf[figure.dataset]!)] = figure.exact
            }
        }
    }
}

struct CohortReport: Encodable {
    var subjects, datasets, queries, runs: Int
    var buildSeconds, generationSeconds, peakRSSMegabytes: Double
    var latenciesMilliseconds: [Double]
    var mix: [CohortQueryMix.Query]
}

/// `#require` for a benchmark: a nil is a failed run, said plainly.
func require<T>(_ value: T?, _ what: @autoclosure () -> String = "a value") throws -> T {
    guard let value else { throw ValidationError("missing \(what())") }
    return value
}
