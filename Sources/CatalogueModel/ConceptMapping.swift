/// How one raw value was mapped to one concept: recorded so curators can see and trust it.
public struct ConceptMapping: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Method: String, Codable, Sendable {
        /// The value was the concept's own IRI, or an IRI it lists as exactMatch/closeMatch.
        case iri
        /// The value was a code of a system the concept carries (`C50.9`, `MR`, `oncotree:NSCLC`).
        case code
        /// The value matched a pref, alt or hidden label after folding case, diacritics and punctuation.
        case label
    }

    public var concept: String
    /// The raw value (or the list item of a split raw value) that was mapped.
    public var value: String
    public var method: Method
    /// True when `value` was one item of a list such as "PT, CT, SEG".
    public var fromList: Bool

    public init(concept: String, value: String, method: Method, fromList: Bool = false) {
        self.concept = concept
        self.value = value
        self.method = method
        self.fromList = fromList
    }

    public var description: String { "\(value) → \(concept) by \(method.rawValue)\(fromList ? " (list item)" : "")" }
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
