/// The curated vocabularies the normaliser maps onto: three facets, and the small EUCAIM code
/// lists datasets carry.
public enum ConceptScheme: String, Codable, CodingKeyRepresentable, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case cancerType
    case modality
    case bodySite
    /// EUCAIM interoperability tier (`eucaim:interoperabilityLevel`).
    case tier
    /// Original, annotated or processed data (`dct:type`).
    case datasetType
    /// How subjects were collected (`eucaim:collectionMethod`).
    case collectionMethod
    /// Birth sex of the subjects (`eucaim:hasBirthSex`).
    case sex
    /// How a distribution can be accessed: download, in-situ or remote processing.
    case accessCondition

    /// The three schemes that are search facets; the others are code lists.
    public static let facets: [ConceptScheme] = [.cancerType, .modality, .bodySite]

    /// The small EUCAIM code lists.
    public static let codeLists: [ConceptScheme] = [.tier, .datasetType, .collectionMethod, .sex, .accessCondition]

    public var description: String { rawValue }
}
