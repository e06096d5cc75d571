/// How one raw value was mapped to one concept: recorded so curators can see and trust it.
public struct ConceptMapping: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Method: String, Codable, CaseIterable, Sendable {
        /// The value was the concept's own IRI, or an IRI it lists as a match.
        case iri
        /// The value was a code of a system the concept carries (`C50.9`, `MR`, `oncotree:NSCLC`).
        case code
        /// The value matched a pref, alt or hidden label (case, diacritics, punctuation, plural and
        /// word order folded).
        case label
        /// One item of a list written in one value ("PT, CT, SEG", "FDG-PET/CT").
        case split
        /// A morphology ("adenocarcinoma") read together with the dataset's body site or title.
        case context
        /// Found in a keyword, because the structured property was missing or matched nothing.
        case keyword
        /// Found in the title or description, because nothing structured or in keywords matched.
        case title
    }

    public var concept: String
    /// The raw value the mapping came from, whole, as harvested.
    public var value: String
    /// The part of `value` that matched, when it is not the whole value (a list item, a phrase of a title).
    public var matched: String?
    public var method: Method
    /// What else the decision rested on: the body site a morphology was read with, or the
    /// deprecated concept a value named before it was replaced.
    public var via: String?

    public init(concept: String, value: String, method: Method, matched: String? = nil, via: String? = nil) {
        self.concept = concept
        self.value = value
        self.method = method
        self.matched = matched == value ? nil : matched
        self.via = via
    }

    public var description: String {
        "\(matched.map { "\($0) in " } ?? "")\(value) → \(concept) by \(method.rawValue)\(via.map { " (\($0))" } ?? "")"
    }
}

/// A raw value the normaliser could not map: kept, reported and queued for curators.
public struct UnmappedValue: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The dataset field it came from: `cancerType`, `modality`, `bodySite`, `accessRights`, `tier`.
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    public var description: String { "\(field): \(value)" }
}
