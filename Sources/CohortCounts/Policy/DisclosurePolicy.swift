/// The disclosure policy: turns exact per-dataset subject counts into counts safe to release.
///
/// Rules, in order, for one dataset with n matched subjects out of N:
/// 1. n < k → "<10". Zero is included, so an answer never tells 0 from 1–9.
/// 2. N − n < k → release the dataset's unfiltered value instead, because
///    publishing a count close to the total lets a reader compute a small complement.
/// 3. Otherwise add cell-key noise z (discrete Gaussian, σ = 4, |z| ≤ 10), round
///    half-even to a multiple of B, and suppress if the result falls below k.
public enum DisclosurePolicy {
    /// Identifies this rule set; carried alongside every answer so old answers stay interpretable.
    public static let version = "ck-2026-12"

    /// k: counts below this are never released.
    static let threshold = 10

    /// B: released values are multiples of this.
    static let roundingBase = 10

    /// The protected answer for one dataset.
    static func release(_ exact: ExactCount) -> ProtectedCount {
        if exact.subjects < threshold {
            return .fewerThanThreshold
        }
        if exact.datasetSubjects - exact.subjects < threshold {
            return noisyRoundedRelease(subjects: exact.datasetSubjects, cellKey: exact.datasetCellKey)
        }
        return noisyRoundedRelease(subjects: exact.subjects, cellKey: exact.cellKey)
    }

    /// The total over several datasets, from their protected answers only.
    public static func total(_ released: [ProtectedCount]) -> ProtectedTotal {
        ProtectedTotal(
            subjects: released.reduce(0) { $0 + ($1.releasedValue ?? 0) },
            suppressedDatasets: released.count { $0.isSuppressed }
        )
    }

    /// Rule 3: r = roundHalfEven((n + z) / B) · B, suppressed when r < k.
    static func noisyRoundedRelease(subjects: Int, cellKey: UInt64) -> ProtectedCount {
        let noisy = subjects + DiscreteGaussianTable.noise(forCellKey: cellKey)
        let rounded = roundHalfEven(noisy, toMultipleOf: roundingBase)
        return rounded < threshold ? .fewerThanThreshold : ProtectedCount(released: rounded)
    }

    /// Integer round-half-even to a multiple of `base`; half-even so that exact
    /// halves do not bias released values upwards.
    static func roundHalfEven(_ value: Int, toMultipleOf base: Int) -> Int {
        var quotient = value / base
        var remainder = value % base
        if remainder < 0 {
            quotient -= 1
            remainder += base
        }
        let twice = 2 * remainder
        if twice > base || (twice == base && !quotient.isMultiple(of: 2)) {
            quotient += 1
        }
        return quotient * base
    }
}
