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

    init(_ record: CatalogueRecord, normalisedJSON: String, coder: RecordCoder) {
        key = record.key
        iri = record.raw.iri
        title = record.normalised.title
        raw = coder.json(record.raw)
        normalised = normalisedJSON
        contentHash = record.contentHash
        source = record.source
        importedAt = StoredTime.milliseconds(record.importedAt)
    }
}
