/// A literal with an optional language tag, as harvested (`"Lung CT"@en`).
///
/// Titles, descriptions and keywords keep every language a node gives; picking one for display
/// happens at the edge (`[LangString].preferred(_:)`).
public struct LangString: Codable, Hashable, Sendable, CustomStringConvertible {
    public var value: String
    /// BCP 47 tag in lower case, or nil for an untagged literal. Harvested tags are kept as the
    /// node wrote them; a tag entering the vocabularies must be well-formed (see ``LanguageTag``).
    public var language: String?

    public init(_ value: String, language: String? = nil) {
        self.value = value
        self.language = language?.lowercased()
    }

    public var description: String { language.map { "\"\(value)\"@\($0)" } ?? "\"\(value)\"" }
}

extension Array where Element == LangString {
    /// The value in `language` (or a regional variant such as `en-gb`), else an untagged one, else the first.
    public func preferred(_ language: String = "en") -> String? {
        let wanted = language.lowercased()
        if let exact = first(where: { $0.language == wanted }) { return exact.value }
        if let regional = first(where: { $0.language?.hasPrefix(wanted + "-") == true }) { return regional.value }
        if let untagged = first(where: { $0.language == nil }) { return untagged.value }
        return first?.value
    }
}
