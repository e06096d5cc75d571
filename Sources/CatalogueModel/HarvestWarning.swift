/// Something the harvester noticed in a record without stopping: a value it could not use, a
/// mandatory property missing, a dataset it had to skip.
///
/// Warnings never carry subject-level data; they name the dataset, the property and the problem.
public struct HarvestWarning: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        /// The dataset had no `dct:identifier` and no IRI, so it could not be imported.
        case unusableDataset
        case missingTitle
        case missingProperty
        case invalidNumber
        case invalidDate
        case invalidValue
        case duplicateDataset
        /// A literal where the profile expects an IRI (a landing page, a code-list value); kept as given.
        case literalForIRI
        /// An IRI in a namespace the vocabularies cover (EUCAIM, SNOMED CT, NCIt…) that no concept carries.
        case unknownVocabularyIRI
        /// A record the source described but that could not be turned into a dataset; the others went in.
        case recordFailed
    }

    public var kind: Kind
    /// The dataset's IRI or identifier, or a blank-node label when it has neither.
    public var dataset: String
    /// The predicate IRI concerned, when there is one.
    public var property: String?
    public var detail: String

    public init(_ kind: Kind, dataset: String, property: String? = nil, detail: String) {
        self.kind = kind
        self.dataset = dataset
        self.property = property
        self.detail = detail
    }

    public var description: String {
        "\(kind.rawValue) in \(dataset)" + (property.map { " (\($0))" } ?? "") + ": \(detail)"
    }
}
