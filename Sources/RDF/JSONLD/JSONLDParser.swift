import Foundation

/// Reads JSON-LD 1.1 (compacted or expanded, `@graph`, scoped contexts, language maps…) into a
/// `Graph`, with remote contexts taken only from an offline ``JSONLDContextLibrary``.
struct JSONLDParser {
    let library: JSONLDContextLibrary

    func parse(_ data: Data, source: String, baseIRI: String?) throws -> Graph {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw RDFError.syntax(source: source, line: error.line, column: error.column, message: error.message)
        }
        let processor = JSONLDProcessor(library: library, source: source)
        let expanded: [JSONValue]
        do {
            expanded = try processor.expandDocument(document, base: baseIRI)
        } catch {
            if let url = error.unknownContext { throw RDFError.unknownContext(source: source, url: url) }
            throw RDFError.jsonld(source: source, path: error.location, message: error.message)
        }
        var writer = TripleWriter(blankPrefix: "j\(DocumentCounter.shared.next())-")
        writer.write(expanded)
        return writer.graph
    }
}
