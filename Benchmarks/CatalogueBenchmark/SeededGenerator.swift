import Foundation

/// SplitMix64: a small, fast, seedable generator so every benchmark run sees the same catalogue.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A log-normal integer, for subject counts: most collections small, a few very large.
    mutating func logNormal(median: Double, sigma: Double, range: ClosedRange<Int>) -> Int {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        let value = Int((median * exp(sigma * normal)).rounded())
        return min(max(value, range.lowerBound), range.upperBound)
    }
}

/// Draws items with Zipf-like popularity: rank 1 most often, a long tail after it.
struct ZipfSampler<Item> {
    let items: [Item]
    private let cumulative: [Double]

    init(_ items: [Item], exponent: Double = 1.1) {
        precondition(!items.isEmpty, "a sampler needs items")
        self.items = items
        var total = 0.0
        cumulative = items.indices.map { rank in
            total += 1 / pow(Double(rank + 1), exponent)
            return total
        }
    }

    func draw(using generator: inout SeededGenerator) -> Item {
        let target = Double.random(in: 0..<cumulative.last!, using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return items[low]
    }
}
