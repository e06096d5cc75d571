/// How one harvested value became a concept, as the dataset page and `GET /api/v1/datasets/{node}/{id}`
/// show it: curators and researchers see what the node wrote and why the catalogue read it so.
public struct MappedValue: Codable, Hashable, Sendable {
    /// The scheme: `cancerType`, `modality`, `bodySite` or a code list (`tier`, `sex`…).
    public var field: String
    public var concept: String
    /// The concept's English label (its IRI when the vocabularies no longer hold it).
    public var label: String
    /// The raw value, whole, as harvested.
    public var value: String
    /// The part of `value` that matched, when it is not all of it.
    public var matched: String?
    public var method: ConceptMapping.Method
    /// What else the decision rested on (a body site, a replaced concept).
    public var via: String?

    public init(field: String, concept: String, label: String, mapping: ConceptMapping) {
        self.field = field
        self.concept = concept
        self.label = label
        value = mapping.value
        matched = mapping.matched
        method = mapping.method
        via = mapping.via
    }
}
