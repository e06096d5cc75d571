import CRaptor
import Foundation

/// One raptor parser for one document, on a raptor world borrowed from `RaptorWorldPool`; frees the
/// parser and returns the world in `deinit`.
final class RaptorSession {
    private let world: OpaquePointer
    private let parser: OpaquePointer
    private let source: String
    private let format: RDFFormat
    private let collector: StatementCollector

    init(format: RDFFormat, source: String) throws {
        guard let world = RaptorWorldPool.shared.take() else { throw RDFError.parserUnavailable(format: format.rawValue) }
        guard let parser = raptor_new_parser(world, format.raptorName) else {
            RaptorWorldPool.shared.give(world)
            throw RDFError.parserUnavailable(format: format.rawValue)
        }
        self.world = world
        self.parser = parser
        self.source = source
        self.format = format
        self.collector = StatementCollector(documentID: Self.nextDocumentID())
        configure()
    }

    deinit {
        raptor_free_parser(parser)
        RaptorWorldPool.shared.give(world)
    }

    func parse(_ data: Data, baseIRI: String) throws -> Graph {
        guard let base = raptor_new_uri(world, baseIRI) else {
            throw RDFError.syntax(source: source, line: nil, column: nil, message: "invalid base IRI \(baseIRI)")
        }
        defer { raptor_free_uri(base) }
        var status = raptor_parser_parse_start(parser, base)
        if status == 0 {
            status = data.withUnsafeBytes { bytes in
                let pointer = bytes.bindMemory(to: UInt8.self).baseAddress
                return raptor_parser_parse_chunk(parser, pointer, bytes.count, 1)
            }
        }
        if let error = collector.firstError {
            if error.line == nil, format == .rdfxml, let located = XMLErrorLocator.firstError(in: data) {
                throw RDFError.syntax(source: source, line: located.line, column: located.column, message: located.message)
            }
            throw RDFError.syntax(source: source, line: error.line, column: error.column, message: error.message)
        }
        if status != 0 {
            throw RDFError.syntax(source: source, line: nil, column: nil, message: "the document could not be parsed")
        }
        return collector.graph
    }

    /// No network, no file access, no external XML entities: a harvested page cannot make the parser fetch anything.
    private func configure() {
        raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, nil, 1)
        raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, nil, 1)
        raptor_parser_set_option(parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nil, 0)
        raptor_parser_set_option(parser, RAPTOR_OPTION_WWW_TIMEOUT, nil, 1)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        raptor_world_set_log_handler(world, context, raptorLogHandler)
        raptor_parser_set_statement_handler(parser, context, raptorStatementHandler)
    }

    private static func nextDocumentID() -> Int { DocumentCounter.shared.next() }
}

/// Hands out document numbers so blank-node labels from different documents never collide.
final class DocumentCounter: @unchecked Sendable {
    static let shared = DocumentCounter()

    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Receives raptor's callbacks for one parse.
final class StatementCollector {
    struct ParseProblem {
        var line: Int?
        var column: Int?
        var message: String
    }

    var graph = Graph()
    var firstError: ParseProblem?
    let blankPrefix: String

    init(documentID: Int) { blankPrefix = "d\(documentID)-" }

    func add(_ statement: raptor_statement) {
        guard firstError == nil,
              let subject = term(statement.subject),
              let predicate = term(statement.predicate)?.iriValue,
              let object = term(statement.object)
        else { return }
        graph.insert(Triple(subject, predicate, object))
    }

    func report(_ message: raptor_log_message) {
        guard message.level.rawValue >= RAPTOR_LOG_LEVEL_ERROR.rawValue, firstError == nil else { return }
        let text = message.text.map { String(cString: $0) } ?? "syntax error"
        var line: Int?
        var column: Int?
        if let locator = message.locator {
            line = locator.pointee.line > 0 ? Int(locator.pointee.line) : nil
            column = locator.pointee.column > 0 ? Int(locator.pointee.column) : nil
        }
        firstError = ParseProblem(line: line, column: column, message: text)
    }

    private func term(_ pointer: UnsafeMutablePointer<raptor_term>?) -> Term? {
        guard let term = pointer?.pointee else { return nil }
        switch term.type {
        case RAPTOR_TERM_TYPE_URI:
            return .iri(String(cString: raptor_uri_as_string(term.value.uri)))
        case RAPTOR_TERM_TYPE_BLANK:
            return .blank(blankPrefix + string(term.value.blank.string, length: Int(term.value.blank.string_len)))
        case RAPTOR_TERM_TYPE_LITERAL:
            let literal = term.value.literal
            let value = string(literal.string, length: Int(literal.string_len))
            let language = literal.language.map { string($0, length: Int(literal.language_len)).lowercased() }
            let datatype = literal.datatype.map { String(cString: raptor_uri_as_string($0)) }
            return .literal(value, language: language?.isEmpty == true ? nil : language, datatype: datatype)
        default:
            return nil
        }
    }

    private func string(_ bytes: UnsafeMutablePointer<UInt8>?, length: Int) -> String {
        guard let bytes else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
}

private func raptorStatementHandler(_ context: UnsafeMutableRawPointer?, _ statement: UnsafeMutablePointer<raptor_statement>?) {
    guard let context, let statement else { return }
    Unmanaged<StatementCollector>.fromOpaque(context).takeUnretainedValue().add(statement.pointee)
}

private func raptorLogHandler(_ context: UnsafeMutableRawPointer?, _ message: UnsafeMutablePointer<raptor_log_message>?) {
    guard let context, let message else { return }
    Unmanaged<StatementCollector>.fromOpaque(context).takeUnretainedValue().report(message.pointee)
}

/// One raptor world per thread, opened on first use and never freed.
///
/// Freeing a raptor world calls libxml2's `xmlCleanupParser()`, which frees libxml2's global state
/// while other threads may be parsing with libxml2 (raptor's RDF/XML parser, the custom XML
/// mappings): a "double free or corruption" abort seen once in CI with parallel tests, and a risk
/// for the harvester, which parses four pages at a time. A world stays on the thread that opened it
/// because raptor points libxml2's per-thread error handlers at the world when it opens; a world
/// used from another thread would receive the errors of that thread's documents.
final class RaptorWorldPool: @unchecked Sendable {
    static let shared = RaptorWorldPool()
    private static let key = "imaging-catalogue.raptor-world"

    private final class Box {
        let world: OpaquePointer
        init(_ world: OpaquePointer) { self.world = world }
    }

    /// This thread's world; nil when raptor cannot open one.
    func take() -> OpaquePointer? {
        let dictionary = Thread.current.threadDictionary
        if let box = dictionary[Self.key] as? Box { return box.world }
        guard let world = craptor_new_world() else { return nil }
        // A world that fails to open is leaked rather than freed, for the reason above.
        guard raptor_world_open(world) == 0 else { return nil }
        dictionary[Self.key] = Box(world)
        return world
    }

    /// Detaches the finished document's log handler; the world stays with its thread.
    func give(_ world: OpaquePointer) {
        raptor_world_set_log_handler(world, nil, nil)
    }
}
