import Foundation

/// The serialisations of the catalogue's own DCAT-AP export (`catalogue export`, the server's
/// catalogue endpoint), with the media type each is served as.
public enum ExportFormat: String, Codable, CaseIterable, Sendable {
    case turtle
    case rdfxml
    case jsonld

    public var mediaType: String {
        switch self {
        case .turtle: "text/turtle"
        case .rdfxml: "application/rdf+xml"
        case .jsonld: "application/ld+json"
        }
    }

    /// The usual file extension, for a file written with `--output`.
    public var fileExtension: String {
        switch self {
        case .turtle: "ttl"
        case .rdfxml: "rdf"
        case .jsonld: "jsonld"
        }
    }

    /// The format a media type names (an `Accept` header entry, parameters ignored); nil when none.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let format = Self.allCases.first(where: { $0.mediaType == essence }) else { return nil }
        self = format
    }
}
