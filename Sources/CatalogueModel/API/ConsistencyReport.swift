/// What `catalogue check` found: whether the SQLite catalogue is sound and whether the search
/// index holds exactly its datasets, with what opening had to repair first.
public struct ConsistencyReport: Codable, Hashable, Sendable {
    /// What opening the catalogue repaired before the check (an index caught up or rebuilt).
    public var repairedAtOpening: [String]
    /// SQLite's `quick_check` findings; empty when the file is sound.
    public var storeProblems: [String]
    public var datasets: Int
    public var indexDocuments: Int
    /// Store changes the index has not applied yet (a writer may be at work).
    public var pendingIndexChanges: Int
    /// Why the index cannot be used as it is, if it cannot.
    public var indexProblem: String?
    /// Datasets of the store the index lacks (the first 20) and how many in all.
    public var missingFromIndex: [DatasetKey]
    public var missingFromIndexCount: Int
    /// Index documents whose dataset the store does not hold.
    public var extraInIndexCount: Int

    public init(
        repairedAtOpening: [String], storeProblems: [String], datasets: Int, indexDocuments: Int,
        pendingIndexChanges: Int, indexProblem: String?, missingFromIndex: [DatasetKey], missingFromIndexCount: Int,
        extraInIndexCount: Int
    ) {
        self.repairedAtOpening = repairedAtOpening
        self.storeProblems = storeProblems
        self.datasets = datasets
        self.indexDocuments = indexDocuments
        self.pendingIndexChanges = pendingIndexChanges
        self.indexProblem = indexProblem
        self.missingFromIndex = missingFromIndex
        self.missingFromIndexCount = missingFromIndexCount
        self.extraInIndexCount = extraInIndexCount
    }

    /// Store sound, index usable and holding exactly the store's datasets, nothing pending.
    public var isConsistent: Bool {
        storeProblems.isEmpty && indexProblem == nil && pendingIndexChanges == 0 && missingFromIndexCount == 0
            && extraInIndexCount == 0
    }
}
