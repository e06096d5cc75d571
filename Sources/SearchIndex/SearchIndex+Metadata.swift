import CatalogueModel

/// What the index records about the store it derives from, in its own metadata, so that it is
/// committed atomically with the documents: the last outbox entry applied and the catalogue's
/// identity. An index whose entries lag the store's outbox is caught up; one that names another
/// catalogue, or stands ahead of the store, is rebuilt.
extension SearchIndex {
    static let appliedOutboxKey = "catalogue.outbox-applied"
    static let catalogueIDKey = "catalogue.store-id"

    /// The last store outbox entry whose changes this index holds; nil when the index never
    /// recorded one (an index built before the outbox existed, or a new empty one).
    public var appliedOutboxSeq: Int64? {
        get throws {
            let text = try database.metadata(Self.appliedOutboxKey)
            return text.isEmpty ? nil : Int64(text)
        }
    }

    /// Records the outbox position reached; written by the next ``commit()`` with the documents.
    public func setAppliedOutboxSeq(_ seq: Int64) throws {
        try database.setMetadata(Self.appliedOutboxKey, String(seq))
    }

    /// The identity of the catalogue this index was built from; nil when unrecorded.
    public var catalogueID: String? {
        get throws {
            let text = try database.metadata(Self.catalogueIDKey)
            return text.isEmpty ? nil : text
        }
    }

    public func setCatalogueID(_ id: String) throws {
        try database.setMetadata(Self.catalogueIDKey, id)
    }

    /// Whether the index holds a document for `key`.
    public func contains(_ key: DatasetKey) throws -> Bool {
        try database.termFrequency(DocumentWriter.uniqueTerm(key)) > 0
    }

    /// The layout version the index was written in ("" when unrecorded).
    public var storedFormat: String {
        get throws { try database.metadata(Self.formatKey) }
    }

    /// Creates a new, empty index at `path` in the current layout, replacing anything there: the
    /// start of a rebuild beside the live index.
    public static func create(at path: String) throws -> SearchIndex {
        let index = SearchIndex(database: try XapianDatabase(path: path, mode: .overwrite))
        try index.database.setMetadata(formatKey, format)
        return index
    }
}

extension SearchIndex {
    /// The layout this version writes and reads.
    public static var currentFormat: String { format }
}
