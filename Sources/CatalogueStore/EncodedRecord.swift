import CatalogueModel

/// A ``CatalogueRecord`` as the columns of its `dataset` row: JSON text and integer times.
struct EncodedRecord {
    var key: DatasetKey
    var iri: String?
    var title: String
    var raw: String
    var normalised: String
    var contentHash: String
    var source: String
    var importedAt: Int64

    /// `rawJSON` is nil only for records that are not written (unchanged ones).
    init(_ record: CatalogueRecord, rawJSON: String?, normalisedJSON: String) {
        guard let rawJSON else { preconditionFailure("raw JSON of \(record.key) was not encoded") }
        key = record.key
        iri = record.raw.iri
        title = record.normalised.title
        raw = rawJSON
        normalised = normalisedJSON
        contentHash = record.contentHash
        source = record.source
        importedAt = StoredTime.milliseconds(record.importedAt)
    }
}
