import ArgumentParser
import CatalogueEngine
import CatalogueModel
import Foundation

/// Times the searches of a requests file (written by `search --requests`) in-process through
/// `CatalogueService.search` on an existing catalogue: the baseline the HTTP benchmark's
/// latencies are compared with, on the same searches and the same catalogue.
struct ReplayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay")

    @Option(help: "The catalogue home.") var home: String
    @Option(help: "The requests file.") var requests: String
    @Option(help: "Passes over the file (after one warm-up pass).") var passes = 1
    @Option(help: "Vocabulary folder.") var vocabularies = "Vocabularies"

    func run() throws {
        let queries = try SearchRequestsFile.read(URL(fileURLWithPath: requests))
        let catalogue = try CatalogueService.open(
            CatalogueConfiguration(home: URL(fileURLWithPath: home), vocabularies: URL(fileURLWithPath: vocabularies)))
        for query in queries { _ = try catalogue.search(query) }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<passes {
            for query in queries {
                samples.append(try clock.measure { _ = try catalogue.search(query) }.milliseconds)
            }
        }
        let stats = LatencyStats(name: "in-process", samples: samples, indexSamples: [])
        let p50 = stats.percentile(50), p99 = stats.percentile(99)
        print(#"{"searches": \#(samples.count), "p50_ms": \#(String(format: "%.3f", p50)), "p99_ms": \#(String(format: "%.3f", p99))}"#)
    }
}
