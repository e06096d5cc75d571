import Foundation
/// Latency percentiles of one query class, in milliseconds.
struct LatencyStats {
    var name: String
    var samples: [Double]
    var indexSamples: [Double]

    func percentile(_ p: Double, of values: [Double]? = nil) -> Double {
        let sorted = (values ?? samples).sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    var row: String {
        "| \(name) | \(samples.count) | \(format(percentile(50))) | \(format(percentile(95))) | \(format(percentile(99))) | \(format(samples.max() ?? .nan)) | "
            + "\(format(percentile(50, of: indexSamples))) | \(format(percentile(95, of: indexSamples))) | \(format(percentile(99, of: indexSamples))) |"
    }

    private func format(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f", value) : String(format: "%.1f", value)
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
