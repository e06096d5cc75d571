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
    @Option(name: .customLong("samples"), help: "Writes each search's milliseconds (search, then encoding), one line per search in file order, for a paired comparison with the same searches over HTTP.")
    var samplesFile: String?

    func run() throws {
        let queries = try SearchRequestsFile.read(URL(fileURLWithPath: requests))
        let catalogue = try CatalogueService.open(
            CatalogueConfiguration(home: URL(fileURLWithPath: home), vocabularies: URL(fileURLWithPath: vocabularies)))
        for query in queries { _ = try catalogue.search(query) }
        let clock = ContinuousClock()
        var samples: [Double] = []
        var encoding: [Double] = []
        var bytes: [Double] = []
        for _ in 0..<passes {
            for query in queries {
                var response: SearchResponse?
                samples.append(try clock.measure { response = try catalogue.search(query) }.milliseconds)
                var body = Data()
                encoding.append(try clock.measure { body = try CatalogueJSON.encode(response!) }.milliseconds)
                bytes.append(Double(body.count))
            }
        }
        if let samplesFile {
            let lines = zip(samples, encoding).map { String(format: "%.4f %.4f", $0, $1) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: samplesFile, atomically: true, encoding: .utf8)
        }
        let stats = LatencyStats(name: "in-process", samples: samples, indexSamples: encoding)
        let size = LatencyStats(name: "bytes", samples: bytes, indexSamples: [])
        func format(_ value: Double) -> String { String(format: "%.3f", value) }
        print(#"{"searches": \#(samples.count), "p50_ms": \#(format(stats.percentile(50))), "p99_ms": \#(format(stats.percentile(99))), "#
              + #""encode_p50_ms": \#(format(stats.percentile(50, of: encoding))), "encode_p99_ms": \#(format(stats.percentile(99, of: encoding))), "#
              + #""response_bytes_p50": \#(Int(size.percentile(50)))}"#)
    }
}
