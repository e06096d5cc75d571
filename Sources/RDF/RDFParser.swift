import CRaptor
import Foundation

/// Parses RDF documents into a `Graph` with raptor2, its own network and file access switched off.
///
/// Each parse uses its own raptor world, so parsers can run on several threads at once. Any error
/// raptor reports fails the whole document: a half-read page is never mapped.
public struct RDFParser: Sendable {
    /// The remote JSON-LD contexts available offline.
    public var jsonldContexts: JSONLDContextLibrary

    public init(jsonldContexts: JSONLDContextLibrary = JSONLDContextLibrary()) {
        self.jsonldContexts = jsonldContexts
    }

    /// Parses a file; the format is guessed from the extension when not given.
    public func parse(fileAt url: URL, format: RDFFormat? = nil, baseIRI: String? = nil) throws -> Graph {
        let source = url.lastPathComponent
        guard let format = format ?? RDFFormat(fileExtension: url.pathExtension) else {
            throw RDFError.syntax(
                source: source, line: nil, column: nil,
                message: "cannot tell the RDF format from the extension '.\(url.pathExtension)'; name it with --format")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RDFError.unreadable(source: source, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, format: format, source: source, baseIRI: baseIRI ?? url.absoluteString)
    }

    /// Parses a document held in memory. `source` names it in error messages.
    public func parse(_ data: Data, format: RDFFormat, source: String, baseIRI: String? = nil) throws -> Graph {
        if format == .jsonld {
            return try JSONLDParser(library: jsonldContexts).parse(data, source: source, baseIRI: baseIRI)
        }
        let session = try RaptorSession(format: format, source: source)
        return try session.parse(data, baseIRI: baseIRI ?? "urn:imaging-catalogue:document:\(source)")
    }
}
