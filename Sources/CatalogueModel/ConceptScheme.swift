/// The curated vocabularies the normaliser maps onto.
public enum ConceptScheme: String, Codable, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case cancerType
    case modality
    case bodySite

    public var description: String { rawValue }
}
