import Foundation

/// Reads pages of a local endpoint from disk, with the same size cap as HTTP.
public struct LocalFileFetcher: PageFetcher {
    public var maxBytes: Int

    public init(maxBytes: Int = NodeConfiguration.defaultMaxPageBytes) { self.maxBytes = maxBytes }

    public func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage {
        guard url.isFileURL else { throw .unsupportedURL(URLRedaction.redacted(url.absoluteString)) }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw .unreadable(path: url.path, reason: FileProblem(error))
        }
        guard attributes[.type] as? FileAttributeType != .typeDirectory else { throw .unreadable(path: url.path, reason: .isFolder) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw .tooLarge(url: url.path, limitBytes: maxBytes) }
        do {
            return FetchedPage(url: url, body: try Data(contentsOf: url), contentType: Self.mediaType(of: url))
        } catch {
            throw .unreadable(path: url.path, reason: FileProblem(error))
        }
    }

    static func mediaType(of url: URL) -> String? {
        switch url.pathExtension.lowercased() {
        case "ttl": "text/turtle"
        case "rdf", "owl": "application/rdf+xml"
        case "nt": "application/n-triples"
        case "trig": "application/trig"
        case "nq": "application/n-quads"
        case "jsonld": "application/ld+json"
        case "json": "application/json"
        case "xml": "application/xml"
        default: nil
        }
    }
}
