/// A concept as the JSON contract shows it: `{"concept", "label", "codes"}`.
///
/// `codes` holds the concept's cross-reference codes by system (`icd10`, `icdo3`, `ncit`,
/// `oncotree`, `dicom`, `snomed`, `eucaim`, `uberon`); a code range such as `C00-C14` is one string.
public struct ConceptView: Codable, Hashable, Sendable {
    public var concept: String
    public var label: String
    public var codes: [String: [String]]

    public init(concept: String, label: String, codes: [String: [String]]) {
        self.concept = concept
        self.label = label
        self.codes = codes
    }

    public init(_ concept: Concept) {
        self.init(
            concept: concept.iri, label: concept.label,
            codes: Dictionary(uniqueKeysWithValues: concept.codes.map { ($0.key.rawValue, $0.value) }))
    }
}
