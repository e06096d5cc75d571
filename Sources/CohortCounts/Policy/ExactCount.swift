/// The exact, unprotected count for one dataset: never leaves the node.
///
/// Why internal: an `ExactCount` is precisely what must not be published; keeping it
/// out of the public API means the only way to get a releasable value is through
/// `DisclosurePolicy.release(_:)`. It carries the whole-dataset figures as well,
/// because the complement rule needs them.
struct ExactCount: Sendable, Equatable {
    /// n: exact number of distinct subjects in the dataset matching the query.
    let subjects: Int
    /// ck: wrapping sum of rk(s) over the matched subjects.
    let cellKey: UInt64
    /// N: the dataset's whole subject total in the index.
    let datasetSubjects: Int
    /// The cell key of the whole dataset (all N subjects).
    let datasetCellKey: UInt64

    /// A matched subset can neither be negative nor exceed its dataset (both come from one
    /// index revision); n is held to 0…N rather than trapping, so a server never stops on it,
    /// and a clamped n only makes the complement rule apply.
    init(subjects: Int, cellKey: UInt64, datasetSubjects: Int, datasetCellKey: UInt64) {
        self.subjects = min(max(subjects, 0), max(datasetSubjects, 0))
        self.cellKey = cellKey
        self.datasetSubjects = max(datasetSubjects, 0)
        self.datasetCellKey = datasetCellKey
    }
}
