import Crypto
import Foundation
import Testing

@testable import CohortCounts

/// Behaviour of the disclosure policy: suppression, complement rule, noise, rounding,
/// the noise table itself, totals, the wire form, and cell keys.
///
/// Random inputs come from a fixed-seed SplitMix64 so that statistical tests are
/// reproducible rather than flaky.
struct DisclosurePolicyTests {
    // MARK: Rule 1 — small counts

    @Test func aCountBelowTenIsReleasedAsFewerThanTenZeroIncluded() {
        let keys = randomCellKeys(count: 500, seed: 1) + [0, .max]
        for n in 0...9 {
            for ck in keys {
                // N = n would trigger the complement rule if rule 1 were not applied first.
                for N in [n, n + 5, n + 1000] {
                    let answer = release(n: n, ck: ck, N: N, datasetCK: ck &+ 1)
                    #expect(answer.isSuppressed, "n = \(n), N = \(N), ck = \(ck)")
                    #expect(answer.releasedValue == nil)
                    #expect(answer.description == "<10")
                }
            }
        }
    }

    // MARK: Determinism and spread

    @Test func theSameCountAndCellKeyAlwaysGiveTheSameAnswer() {
        var state: UInt64 = 2
        for _ in 0..<1000 {
            let n = Int(splitMix64(&state) % 500)
            let N = n + Int(splitMix64(&state) % 30)
            let ck = splitMix64(&state)
            let datasetCK = splitMix64(&state)
            let first = release(n: n, ck: ck, N: N, datasetCK: datasetCK)
            for _ in 0..<5 {
                #expect(release(n: n, ck: ck, N: N, datasetCK: datasetCK) == first)
            }
        }
    }

    @Test func differentCellKeysSpreadAFixedCountOverSeveralReleasedValues() {
        let n = 55
        let answers = randomCellKeys(count: 10_000, seed: 3).map { release(n: n, ck: $0) }
        let values = answers.compactMap(\.releasedValue)
        #expect(values.count == answers.count, "n = 55 can never be suppressed")
        #expect(Set(values).count >= 3)
        #expect(values.allSatisfy { $0.isMultiple(of: 10) })
        #expect(values.allSatisfy { abs($0 - n) <= 10 + 5 })
    }

    // MARK: Rule 2 — complement

    @Test func aCountWithinTenOfTheDatasetTotalReleasesTheUnfilteredTotal() {
        let datasetKeys = randomCellKeys(count: 20, seed: 4) + [cellKey(landingOn: -10), cellKey(landingOn: 10)]
        let filteredKeys = randomCellKeys(count: 20, seed: 5)
        for datasetCK in datasetKeys {
            let unfiltered = DisclosurePolicy.noisyRoundedRelease(subjects: 100, cellKey: datasetCK)
            #expect(release(n: 100, ck: datasetCK, N: 100, datasetCK: datasetCK) == unfiltered)
            for ck in filteredKeys {
                #expect(release(n: 95, ck: ck, N: 100, datasetCK: datasetCK) == unfiltered)
            }
        }
        // Concretely: with both keys at z = 0, n = 95 must come out as 100, not as 95 → 100 by chance.
        let zero = cellKey(landingOn: 0)
        #expect(release(n: 95, ck: cellKey(landingOn: -5), N: 100, datasetCK: zero).releasedValue == 100)
    }

    @Test func aComplementOfExactlyTenIsNotProtectedByTheComplementRule() {
        let zero = cellKey(landingOn: 0)
        // N − n = 10: rule 3 on n itself; the complement rule would have given 100.
        #expect(release(n: 90, ck: zero, N: 100, datasetCK: zero).releasedValue == 90)
        for ck in randomCellKeys(count: 200, seed: 6) {
            let expected = DisclosurePolicy.noisyRoundedRelease(subjects: 90, cellKey: ck)
            #expect(release(n: 90, ck: ck, N: 100, datasetCK: ck &+ 12345) == expected)
        }
    }

    // MARK: Rule 3 — rounding and noise

    @Test func exactHalvesRoundToTheEvenMultipleOfTen() {
        let zero = cellKey(landingOn: 0)
        #expect(DiscreteGaussianTable.noise(forCellKey: zero) == 0)
        #expect(release(n: 25, ck: zero).releasedValue == 20)
        #expect(release(n: 35, ck: zero).releasedValue == 40)
        #expect(release(n: 15, ck: zero).releasedValue == 20)
        #expect(release(n: 45, ck: zero).releasedValue == 40)
        // Off the half, ordinary rounding.
        #expect(release(n: 24, ck: zero).releasedValue == 20)
        #expect(release(n: 26, ck: zero).releasedValue == 30)
        // The same half reached through noise: 20 + 5 = 25 → 20, 30 + 5 = 35 → 40.
        #expect(release(n: 20, ck: cellKey(landingOn: 5)).releasedValue == 20)
        #expect(release(n: 30, ck: cellKey(landingOn: 5)).releasedValue == 40)
    }

    @Test func aNoisyValueThatRoundsBelowTenIsSuppressed() {
        let lowest = cellKey(landingOn: -10)
        #expect(release(n: 10, ck: lowest).isSuppressed)  // 0 → 0
        #expect(release(n: 14, ck: lowest).isSuppressed)  // 4 → 0
        #expect(release(n: 15, ck: lowest).isSuppressed)  // 5 → 0 (half-even)
        #expect(release(n: 16, ck: lowest).releasedValue == 10)  // 6 → 10
        #expect(release(n: 14, ck: cellKey(landingOn: -9)).isSuppressed)  // 5 → 0
        #expect(release(n: 14, ck: cellKey(landingOn: -8)).releasedValue == 10)  // 6 → 10
    }

    @Test func releasedValuesStayWithinNoisePlusRoundingOfTheExactCount() {
        var state: UInt64 = 7
        for _ in 0..<100_000 {
            let n = 10 + Int(splitMix64(&state) % 5000)
            let N = n + 10 + Int(splitMix64(&state) % 100)
            let answer = release(n: n, ck: splitMix64(&state), N: N, datasetCK: splitMix64(&state))
            if let value = answer.releasedValue {
                #expect(abs(value - n) <= 10 + 5, "n = \(n) released as \(value)")
                #expect(value.isMultiple(of: 10) && value >= 10)
            } else {
                // Suppression needs round(n + z) < 10, i.e. n + z ≤ 5, so n ≤ 15.
                #expect(n <= 15, "n = \(n) suppressed")
            }
        }
    }

    @Test func noiseFromUniformCellKeysFollowsTheTable() {
        let samples = 210_000
        var observed = [Int](repeating: 0, count: 21)
        for ck in randomCellKeys(count: samples, seed: 8) {
            observed[DiscreteGaussianTable.noise(forCellKey: ck) + 10] += 1
        }
        let expected = tableProbabilities().map { $0 * Double(samples) }
        let chiSquare = zip(observed, expected).reduce(0.0) { sum, pair in
            let difference = Double(pair.0) - pair.1
            return sum + difference * difference / pair.1
        }
        // 20 degrees of freedom; 45.31 is the p = 0.001 critical value.
        #expect(chiSquare < 45.31, "chi-square = \(chiSquare), observed = \(observed)")
    }

    // MARK: The noise table

    @Test func theTableMatchesTheDiscreteGaussianFormula() {
        let thresholds = DiscreteGaussianTable.thresholds
        #expect(thresholds.count == 21)
        let p = formulaProbabilities()
        for i in thresholds.indices {
            // Lower half against the CDF, upper half against the tail, to keep Double error small.
            let (actual, exact) = i < 10
                ? (Double(thresholds[i]), p[0...i].reduce(0, +) * twoTo64)
                : (Double(0 &- thresholds[i]), p[(i + 1)...].reversed().reduce(0, +) * twoTo64)
            #expect(abs(actual - exact) <= 4096, "threshold \(i): \(actual) vs \(exact)")
        }
    }

    @Test func theTableHasMeanZeroAndTheClampedStandardDeviation() {
        let (mean, sd) = moments(tableProbabilities())
        let (_, formulaSD) = moments(formulaProbabilities())
        #expect(abs(mean) < 1e-9)
        // Clamping σ = 4 at ±10 (2.5σ) cuts the tails: the encoded SD is 3.8643, not 4.
        #expect(abs(sd - formulaSD) < 1e-9)
        #expect(abs(sd - 3.86432) < 1e-4, "sd = \(sd)")
    }

    @Test func theTableIsSymmetricAndNoiseIsClampedToTen() {
        let sizes = tableBucketSizes()
        for i in 0...10 {
            let (a, b) = (sizes[i], sizes[20 - i])
            #expect(max(a, b) - min(a, b) <= 2, "z = \(i - 10)")
        }
        #expect(DiscreteGaussianTable.noise(forCellKey: 0) == -10)
        #expect(DiscreteGaussianTable.noise(forCellKey: .max) == 10)
        for (i, threshold) in DiscreteGaussianTable.thresholds.dropLast().enumerated() {
            #expect(DiscreteGaussianTable.noise(forCellKey: threshold - 1) == i - 10)
            #expect(DiscreteGaussianTable.noise(forCellKey: threshold) == i - 9)
        }
        for ck in randomCellKeys(count: 10_000, seed: 9) {
            #expect(abs(DiscreteGaussianTable.noise(forCellKey: ck)) <= 10)
        }
    }

    // MARK: Totals

    @Test func theTotalSumsReleasedValuesAndCountsSuppressedDatasets() throws {
        let answers: [ProtectedCount] = [
            ProtectedCount(released: 80), .fewerThanThreshold, ProtectedCount(released: 20), .fewerThanThreshold,
        ]
        let total = DisclosurePolicy.total(answers)
        #expect(total.subjects == 100)
        #expect(total.suppressedDatasets == 2)
        #expect(try json(total) == #"{"subjects":100,"suppressedDatasets":2}"#)
        #expect(DisclosurePolicy.total([]) == ProtectedTotal(subjects: 0, suppressedDatasets: 0))
        #expect(DisclosurePolicy.total([.fewerThanThreshold]) == ProtectedTotal(subjects: 0, suppressedDatasets: 1))
    }

    // MARK: Wire form

    @Test func aProtectedCountSurvivesAJSONRoundTrip() throws {
        let released = ProtectedCount(released: 80)
        #expect(try json(released) == #"{"value":80}"#)
        #expect(try json(ProtectedCount.fewerThanThreshold) == #"{"lessThan":10}"#)
        for answer in [released, .fewerThanThreshold, ProtectedCount(released: 10)] {
            let decoded = try JSONDecoder().decode(ProtectedCount.self, from: JSONEncoder().encode(answer))
            #expect(decoded == answer)
        }
        #expect(released.releasedValue == 80 && !released.isSuppressed && released.description == "80")
        #expect(ProtectedCount.fewerThanThreshold.isSuppressed && ProtectedCount.fewerThanThreshold.description == "<10")
        #expect(DisclosurePolicy.version == "ck-2026-12")
    }

    @Test(arguments: [
        (#"{"value": 7}"#, "multiple of 10"),
        (#"{"value": 15}"#, "multiple of 10"),
        (#"{"value": 0}"#, "multiple of 10"),
        (#"{"value": -10}"#, "multiple of 10"),
        (#"{"lessThan": 5}"#, "exactly 10"),
        (#"{}"#, "exactly one key"),
        (#"{"value": 10, "lessThan": 10}"#, "exactly one key"),
        (#"{"value": 10, "note": 1}"#, "exactly one key"),
        (#"{"note": 10}"#, "\"value\" or \"lessThan\""),
    ])
    func decodingRejectsAMalformedProtectedCount(json: String, problem: String) {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProtectedCount.self, from: Data(json.utf8))
        }
        let message = error.map(debugDescription) ?? ""
        #expect(message.contains(problem), "\(json): \(message)")
    }

    // MARK: Cell keys

    @Test func aSubjectKeyIsTheFirstEightBytesOfHMACSHA256BigEndian() {
        let secret = SymmetricKey(data: Data("cohort-counts-test-secret".utf8))
        let uid = "1.2.826.0.1.3680043.8.498.1"
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Data("subject|\(uid)".utf8), using: secret))
        let independent = mac[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(CellKey.subjectKey(secret: secret, subjectUID: uid) == independent)
        // Python: hmac.new(b"cohort-counts-test-secret", b"subject|1.2.826.0.1.3680043.8.498.1", sha256)
        #expect(independent == 0x3A76_5609_C753_439A)
        #expect(CellKey.subjectKey(secret: SymmetricKey(data: Data("other".utf8)), subjectUID: uid) != independent)
    }

    @Test func combiningSubjectKeysIsOrderIndependentAndWraps() {
        let secret = SymmetricKey(data: Data("cohort-counts-test-secret".utf8))
        let keys = (1...3).map { CellKey.subjectKey(secret: secret, subjectUID: "1.2.826.0.1.3680043.8.498.\($0)") }
        // Python: sum of the three first-8-byte values mod 2^64.
        #expect(CellKey.combine(keys) == 0xD54B_802A_0A30_B53C)
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            #expect(CellKey.combine(order.map { keys[$0] }) == 0xD54B_802A_0A30_B53C)
        }
        let many = randomCellKeys(count: 1000, seed: 10)
        #expect(CellKey.combine(many) == CellKey.combine(many.reversed()))
        #expect(CellKey.combine([UInt64.max, 2]) == 1)
        #expect(CellKey.combine([UInt64]()) == 0)
    }
}

// MARK: - Helpers

private let twoTo64 = 18_446_744_073_709_551_616.0

private func release(n: Int, ck: UInt64, N: Int? = nil, datasetCK: UInt64 = 0) -> ProtectedCount {
    DisclosurePolicy.release(
        ExactCount(subjects: n, cellKey: ck, datasetSubjects: N ?? n + 1000, datasetCellKey: datasetCK)
    )
}

/// The smallest cell key whose noise is `z`.
private func cellKey(landingOn z: Int) -> UInt64 {
    z == -10 ? 0 : DiscreteGaussianTable.thresholds[z + 9]
}

/// SplitMix64 step: a tiny, well-mixed, seedable generator for reproducible tests.
private func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

private func randomCellKeys(count: Int, seed: UInt64) -> [UInt64] {
    var state = seed
    return (0..<count).map { _ in splitMix64(&state) }
}

/// Number of cell keys mapping to each z, −10…10; the last bucket ends at 2⁶⁴ (wraps to 0).
private func tableBucketSizes() -> [UInt64] {
    let inner = Array(DiscreteGaussianTable.thresholds.dropLast())
    return zip(inner + [0], [0] + inner).map { upper, lower in upper &- lower }
}

private func tableProbabilities() -> [Double] {
    tableBucketSizes().map { Double($0) / twoTo64 }
}

/// P(z) ∝ exp(−z²/(2σ²)), σ = 4, on −10…10, straight from the formula.
private func formulaProbabilities() -> [Double] {
    let weights = (-10...10).map { exp(-Double($0 * $0) / 32) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}

private func moments(_ p: [Double]) -> (mean: Double, sd: Double) {
    let zs = (-10...10).map(Double.init)
    let mean = zip(zs, p).reduce(0) { $0 + $1.0 * $1.1 }
    let meanSquare = zip(zs, p).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
    return (mean, (meanSquare - mean * mean).squareRoot())
}

private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

private func debugDescription(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let context), .keyNotFound(_, let context),
         .typeMismatch(_, let context), .valueNotFound(_, let context):
        return context.debugDescription
    @unknown default:
        return "\(error)"
    }
}
