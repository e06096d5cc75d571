import Foundation

/// One dataset as the catalogue keeps it: the harvested record, its normalised form and where it came from.
///
/// The raw record is kept verbatim so that a vocabulary change can re-normalise without harvesting
/// again; `contentHash` lets a re-harvest tell an unchanged record from a changed one without
/// comparing every field. The hash is computed by `CatalogueStore` (it owns the canonical JSON form),
/// which also offers an initialiser that fills it in.
public struct CatalogueRecord: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The node the record came from and its identifier there.
    public var key: DatasetKey
    public var raw: RawDataset
    public var normalised: NormalisedDataset
    /// Lower-case hex SHA-256 of the raw record's canonical JSON (sorted keys).
    public var contentHash: String
    /// Where the record was read: a source file name or the URL of a harvested page.
    public var source: String
    /// When this content was first stored; kept while re-harvests find the record unchanged.
    public var importedAt: Date
    /// The lookups the normalisation rested on (the normaliser's probe keys), stored so that a
    /// vocabulary edit finds the datasets it affects. Empty when not known.
    public var normalisationKeys: [String]

    public init(
        key: DatasetKey, raw: RawDataset, normalised: NormalisedDataset, contentHash: String,
        source: String, importedAt: Date, normalisationKeys: [String] = []
    ) {
        self.normalisationKeys = normalisationKeys
        self.key = key
        self.raw = raw
        self.normalised = normalised
        self.contentHash = contentHash
        self.source = source
        self.importedAt = importedAt
    }

    public var description: String { "CatalogueRecord(\(key))" }
}
