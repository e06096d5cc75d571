/// A label of a facet concept that starts with what someone is typing: the search box's
/// suggestions (`GET /api/v1/vocabularies/suggest`), in any language the vocabularies hold.
public struct LabelSuggestion: Codable, Hashable, Sendable {
    /// The label that matched, as written in the vocabulary.
    public var label: String
    public var language: String?
    /// `cancerType`, `modality` or `bodySite`.
    public var field: String
    public var concept: String
    /// The concept's English label (the same as `label` when that is what matched).
    public var conceptLabel: String

    public init(label: String, language: String?, field: String, concept: String, conceptLabel: String) {
        self.label = label
        self.language = language
        self.field = field
        self.concept = concept
        self.conceptLabel = conceptLabel
    }
}
