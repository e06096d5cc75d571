/// A label of a facet concept that starts with what someone is typing: the search box's
/// suggestions (`GET /api/v1/vocabularies/suggest`), in any language the vocabularies hold.
public struct LabelSuggestion: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A preferred or alternative label.
        case label
        /// A code, written as filters take it (`icd10:C34`).
        case code
    }

    /// The label (or code) that matched, as written in the vocabulary.
    public var label: String
    public var kind: Kind
    public var language: String?
    /// `cancerType`, `modality` or `bodySite`.
    public var field: String
    public var concept: String
    /// The concept's English label (the same as `label` when that is what matched).
    public var conceptLabel: String

    public init(label: String, kind: Kind = .label, language: String?, field: String, concept: String, conceptLabel: String) {
        self.label = label
        self.kind = kind
        self.language = language
        self.field = field
        self.concept = concept
        self.conceptLabel = conceptLabel
    }
}
