import Foundation

/// The remote JSON-LD contexts the parser may use, held locally: nothing is fetched at parse time.
///
/// A folder holds the context documents and a `catalog.json` that maps each context URL to its
/// file (`{"https://…/dcat-ap.jsonld": "dcat-ap-3.0.1.jsonld"}`). A document that names a
/// context not in the library fails with ``RDFError/unknownContext(source:url:)``.
public struct JSONLDContextLibrary: Sendable {
    private var documents: [String: JSONValue] = [:]

    /// An empty library: only inline contexts can be used.
    public init() {}

    /// Loads the contexts of a folder with a `catalog.json`.
    public init(folder: URL) throws {
        let catalogURL = folder.appendingPathComponent("catalog.json")
        let catalog: JSONValue
        do {
            catalog = try JSONParser.parse(try Data(contentsOf: catalogURL))
        } catch let error as JSONParser.Failure {
            throw RDFError.syntax(source: "catalog.json", line: error.line, column: error.column, message: error.message)
        } catch {
            throw RDFError.unreadable(source: catalogURL.path, reason: (error as NSError).localizedDescription)
        }
        guard let entries = catalog.objectValue else {
            throw RDFError.syntax(source: "catalog.json", line: 1, column: 1, message: "must be an object mapping context URLs to file names")
        }
        for (url, file) in entries {
            guard let name = file.stringValue else {
                throw RDFError.syntax(source: "catalog.json", line: nil, column: nil, message: "the entry for \(url) is not a file name")
            }
            let fileURL = folder.appendingPathComponent(name)
            do {
                documents[Self.key(url)] = try JSONParser.parse(try Data(contentsOf: fileURL))
            } catch let error as JSONParser.Failure {
                throw RDFError.syntax(source: name, line: error.line, column: error.column, message: error.message)
            } catch {
                throw RDFError.unreadable(source: fileURL.path, reason: (error as NSError).localizedDescription)
            }
        }
    }

    /// Adds a context document under its URL (for tests and embedders).
    public mutating func add(_ url: String, document data: Data) throws {
        do {
            documents[Self.key(url)] = try JSONParser.parse(data)
        } catch {
            throw RDFError.syntax(source: url, line: error.line, column: error.column, message: error.message)
        }
    }

    public var urls: [String] { documents.keys.sorted() }

    func document(for url: String) -> JSONValue? { documents[Self.key(url)] }

    /// Fragments do not select another document.
    private static func key(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
    }
}
