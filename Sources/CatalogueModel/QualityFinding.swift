/// One problem the quality check found.
public struct QualityFinding: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        /// Breaks normalisation or SKOS: an edit that introduces one is refused.
        case error
        /// Worth a curator's look; never blocks an edit.
        case warning
    }

    public var severity: Severity
    /// The check's name: `cycle`, `orphan`, `duplicatePrefLabel`, `sharedLabel`, `sharedCode`,
    /// `missingEnglishPrefLabel`, `deprecatedInUse`, `unknownCodeSystem`, `danglingRelated`, `relatedIsBroader`.
    public var check: String
    public var concepts: [String]
    public var message: String

    public init(severity: Severity, check: String, concepts: [String], message: String) {
        self.severity = severity
        self.check = check
        self.concepts = concepts
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(message)" }
}

