import Foundation
import RDF

/// Parses a fetched page as RDF, choosing the serialisation by content negotiation: the node's
/// configured media type, else the `Content-Type` the server sent, else a look at the first bytes,
/// else the URL's extension.
struct RDFPageReader: Sendable {
    var parser: RDFParser
    /// A media type configured for the node, which beats what the server says.
    var mediaTypeOverride: String?

    func graph(of page: FetchedPage) throws(HarvestError) -> Graph {
        let source = page.finalURL.isFileURL ? page.finalURL.lastPathComponent : page.finalURL.absoluteString
        guard let format = format(of: page) else {
            throw .unreadablePage(
                url: source,
                reason: "not an RDF document (Content-Type \(page.contentType ?? "none"), and its first bytes look like no RDF serialisation)")
        }
        do {
            return try parser.parse(page.body, format: format, source: source, baseIRI: page.finalURL.absoluteString)
        } catch {
            throw .unreadablePage(url: source, reason: String(describing: error))
        }
    }

    func format(of page: FetchedPage) -> RDFFormat? {
        if let mediaTypeOverride, let format = RDFFormat(mediaType: mediaTypeOverride) { return format }
        if let type = page.contentType, let format = RDFFormat(mediaType: type) { return format }
        return RDFFormat.sniff(page.body) ?? RDFFormat(fileExtension: page.finalURL.pathExtension)
    }
}
