import CatalogueModel
internal import CXapian

/// The faceted search index over the catalogue's datasets: one Xapian document per dataset.
///
/// Derived from the SQLite catalogue and rebuildable at any time. One instance per thread: the
/// Xapian handle inside must never be used from two threads, so this type is not `Sendable`.
///
/// ```swift
/// let index = try SearchIndex.open(at: path, mode: .readWrite)
/// try index.replace(documents)
/// try index.commit()
/// let result = try index.search(SearchRequest(text: "lung", filters: [.modality: [ctIRI]]))
/// ```
public final class SearchIndex {
    public enum Mode: Sendable {
        case readOnly
        /// Opens for writing, creating the index when missing.
        case readWrite
    }

    var database: XapianDatabase

    init(database: XapianDatabase) { self.database = database }

    /// The layout of documents: 2 keeps concept facets in value slots and text without positions.
    static let format = "2"
    static let formatKey = "catalogue.index-format"

    /// Opens the index; one written in an older layout is refused (rebuild it) unless it is empty.
    /// `forRebuild` opens any layout, for `removeAll()` and a rebuild.
    public static func open(at path: String, mode: Mode, forRebuild: Bool = false) throws -> SearchIndex {
        let index = SearchIndex(database: try XapianDatabase(path: path, mode: mode == .readOnly ? .readOnly : .readWrite))
        let found = try index.database.metadata(formatKey)
        if found != format, !forRebuild {
            guard try index.database.documentCount == 0 else { throw SearchIndexError.outdatedFormat(found: found, expected: format) }
            if mode == .readWrite { try index.database.setMetadata(formatKey, format) }
        }
        return index
    }

    /// Xapian's in-memory backend: the index's twin for tests.
    public static func inMemory() throws -> SearchIndex {
        SearchIndex(database: try XapianDatabase(path: "", mode: .inMemory))
    }

    public var documentCount: Int { get throws { try database.documentCount } }

    /// Adds each dataset's document, replacing the one with the same key.
    public func replace(_ datasets: [IndexedDataset]) throws {
        for dataset in datasets { try DocumentWriter(database: database).write(dataset) }
    }

    /// Replaces only the concept facets of datasets whose text, values, node and access rights did
    /// not change (a re-normalisation); a dataset not yet in the index is added whole.
    public func updateFacets(_ datasets: [IndexedDataset]) throws {
        let writer = DocumentWriter(database: database)
        for dataset in datasets where try !writer.updateFacets(dataset) {
            try writer.write(dataset)
        }
    }

    public func remove(_ keys: [DatasetKey]) throws {
        for key in keys { try database.delete(uniqueTerm: DocumentWriter.uniqueTerm(key)) }
    }

    /// Empties the index (an on-disk index is recreated in place).
    public func removeAll() throws {
        switch database.mode {
        case .inMemory: database = try XapianDatabase(path: "", mode: .inMemory)
        case .readOnly: throw SearchIndexError.xapian(operation: "remove all", errorClass: "InvalidOperationError", message: "the index was opened read-only", code: 9)
        case .readWrite, .overwrite:
            let path = database.path
            // Release the write lock before recreating: the old handle closes when replaced.
            database = try XapianDatabase(path: "", mode: .inMemory)
            database = try XapianDatabase(path: path, mode: .overwrite)
            try database.setMetadata(Self.formatKey, Self.format)
        }
    }

    public func commit() throws { try database.commit() }

    /// Sees the latest committed changes (for a reader kept open across another writer's commits).
    public func reopen() throws { try database.reopen() }

    /// How many documents contain `word` in their free text (lower-cased, unstemmed).
    public func documentFrequency(ofWord word: String) throws -> Int {
        try database.termFrequency(word.lowercased())
    }

    public func search(_ request: SearchRequest) throws -> SearchResult {
        try Searcher(database: database).search(request)
    }
}
