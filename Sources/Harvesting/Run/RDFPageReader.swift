import Foundation
import RDF

/// Parses a fetched page as RDF, choosing the serialisation by content negotiation: the node's
/// configured media type, else the `Content-Type` the server sent, else a look at the first bytes,
/// else the URL's extension.
struct RDFPageReader: Sendable {
    var parser: RDFParser
    /// A media type configured for the node, which beats what the server says.
    var mediaTypeOverride: String?

    /// - Throws: ``HarvestError/unreadablePage(url:reason:)`` for an HTML page, a document that
    ///   does not parse, and one that parses to no statement at all (a JSON error object read as
    ///   JSON-LD, an empty body): no DCAT page is empty, so such a page is an error, not a catalogue
    ///   without datasets. `allowingEmpty` is for the one place an empty page is normal: the page
    ///   after the last one under `?page=N` paging.
    func graph(of page: FetchedPage, allowingEmpty: Bool = false) throws(HarvestError) -> Graph {
        let source = page.finalURL.isFileURL ? page.finalURL.lastPathComponent : page.finalURL.absoluteString
        if let reason = PageContentCheck.htmlReason(page, mediaTypeOverride: mediaTypeOverride) {
            throw .unreadablePage(url: source, reason: reason)
        }
        guard let format = format(of: page) else {
            throw .unreadablePage(
                url: source,
                reason: "not an RDF document (Content-Type \(page.contentType ?? "none"), and its first bytes look like no RDF serialisation)")
        }
        let graph: Graph
        do {
            graph = try parser.parse(page.body, format: format, source: source, baseIRI: page.finalURL.absoluteString)
        } catch {
            throw .unreadablePage(url: source, reason: String(describing: error))
        }
        guard graph.count > 0 || allowingEmpty else {
            throw .unreadablePage(
                url: source, reason: "the page holds no RDF statement (read as \(format)): an error document or an empty answer, not a catalogue page")
        }
        return graph
    }

    func format(of page: FetchedPage) -> RDFFormat? {
        if let mediaTypeOverride, let format = RDFFormat(mediaType: mediaTypeOverride) { return format }
        if let type = page.contentType, let format = RDFFormat(mediaType: type) { return format }
        return RDFFormat.sniff(page.body) ?? RDFFormat(fileExtension: page.finalURL.pathExtension)
    }
}
