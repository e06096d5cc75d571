/// A total over several datasets, built only from their protected counts (policy §5.4).
///
/// Why from protected counts and never from exact ones: an exact total next to
/// per-dataset answers would let a reader subtract and recover a suppressed cell.
/// Suppressed datasets contribute 0 to `subjects` and are counted separately so the
/// reader knows the total is a lower bound. Encoded as
/// `{"subjects": 80, "suppressedDatasets": 1}`.
public struct ProtectedTotal: Sendable, Equatable, Codable {
    /// Sum of the released values; "<10" answers count as 0.
    public let subjects: Int
    /// Number of datasets whose answer was "<10".
    public let suppressedDatasets: Int
    /// A hub's total: how many nodes asked gave no usable answer, so their subjects are in no
    /// figure at all (a lower bound, not a zero); nil at a node.
    public internal(set) var missingNodes: Int?

    init(subjects: Int, suppressedDatasets: Int) {
        self.subjects = subjects
        self.suppressedDatasets = suppressedDatasets
    }
}
