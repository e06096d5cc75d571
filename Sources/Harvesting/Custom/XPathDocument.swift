import CXPath
import Foundation

/// An XML page parsed by libxml2 (no network, no DTD loading, no entity substitution), queried with
/// XPath 1.0. Owns the C document; used on one thread, for one page.
final class XPathDocument {
    /// A node of this document, valid while the document lives.
    struct Node {
        fileprivate let pointer: UnsafeRawPointer
    }

    struct Failure: Error {
        var line: Int?
        var column: Int?
        var message: String
    }

    private let document: OpaquePointer

    init(_ data: Data, namespaces: [String: String]) throws(Failure) {
        var line: Int32 = 0
        var column: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let parsed = data.withUnsafeBytes { bytes in
            cxp_parse(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, &line, &column, &message, message.count)
        }
        guard let parsed else {
            throw Failure(line: line > 0 ? Int(line) : nil, column: column > 0 ? Int(column) : nil, message: Self.text(message))
        }
        document = parsed
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            _ = cxp_register_namespace(document, prefix, uri)
        }
    }

    deinit { cxp_free_document(document) }

    /// Whether an XPath expression compiles; the reason when it does not.
    static func compileError(_ expression: String) -> String? {
        var message = [CChar](repeating: 0, count: 512)
        return cxp_compile(expression, &message, message.count) == 0 ? nil : text(message)
    }

    /// The nodes an expression selects, relative to `context` (the document when nil).
    func nodes(_ expression: String, at context: Node? = nil) throws(Failure) -> [Node] {
        let result = try evaluate(expression, at: context)
        defer { cxp_free_nodes(result) }
        return (0..<cxp_count(result)).compactMap { cxp_node(result, $0).map(Node.init) }
    }

    /// The string values an expression yields: each selected node's text, or one scalar result.
    func strings(_ expression: String, at context: Node? = nil) throws(Failure) -> [String] {
        let result = try evaluate(expression, at: context)
        defer { cxp_free_nodes(result) }
        return (0..<cxp_count(result)).compactMap { index in
            guard let value = cxp_string(result, index) else { return nil }
            defer { cxp_free_string(value) }
            return String(cString: value)
        }
    }

    private func evaluate(_ expression: String, at context: Node?) throws(Failure) -> OpaquePointer {
        var message = [CChar](repeating: 0, count: 512)
        guard let result = cxp_evaluate(document, context?.pointer, expression, &message, message.count) else {
            throw Failure(line: nil, column: nil, message: "XPath \(expression): \(Self.text(message))")
        }
        return result
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
