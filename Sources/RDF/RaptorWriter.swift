import CRaptor
import Foundation

/// One raptor2 serializer writing one document to memory, on this thread's raptor world from
/// `RaptorWorldPool` (worlds are never created or freed here; see the pool for why).
///
/// raptor2 reports problems through the world's log handler and still returns success (a
/// statement it cannot write is skipped), so the first error it logs fails the whole document.
final class RaptorWriter {
    private let world: OpaquePointer
    private let serializer: OpaquePointer
    private let format: RDFFormat
    private let log = WriterLog()

    init(format: RDFFormat) throws {
        guard let world = RaptorWorldPool.shared.take() else { throw RDFError.serializerUnavailable(format: format.rawValue) }
        guard let serializer = raptor_new_serializer(world, Self.raptorName(format)) else {
            RaptorWorldPool.shared.give(world)
            throw RDFError.serializerUnavailable(format: format.rawValue)
        }
        self.world = world
        self.serializer = serializer
        self.format = format
        raptor_world_set_log_handler(world, Unmanaged.passUnretained(log).toOpaque(), raptorWriterLogHandler)
        // Absolute IRIs everywhere: a harvester resolves nothing against where it found the page.
        raptor_serializer_set_option(serializer, RAPTOR_OPTION_RELATIVE_URIS, nil, 0)
    }

    deinit {
        raptor_free_serializer(serializer)
        RaptorWorldPool.shared.give(world)
    }

    /// RDF/XML is written nested (`rdfxml-abbrev`), the way DCAT-AP examples and portals show it.
    private static func raptorName(_ format: RDFFormat) -> String {
        format == .rdfxml ? "rdfxml-abbrev" : format.rawValue
    }

    func write(_ triples: [Triple], prefixes: [RDFPrefix]) throws -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard raptor_serializer_start_to_string(serializer, nil, &buffer, &length) == 0 else {
            throw RDFError.serialization(format: format.rawValue, message: log.firstError ?? "the writer could not start")
        }
        // Whatever happens next, the string raptor allocates is ours to free once written.
        defer { if let buffer { raptor_free_memory(buffer) } }
        for prefix in prefixes {
            guard let uri = raptor_new_uri(world, prefix.namespace) else { continue }
            raptor_serializer_set_namespace(serializer, uri, prefix.prefix)
            raptor_free_uri(uri)
        }
        var failed = false
        for triple in triples where !failed {
            failed = !serialize(triple)
        }
        // Ends the document and frees raptor's string stream, which fills `buffer` and `length`.
        let ended = raptor_serializer_serialize_end(serializer)
        if let error = log.firstError { throw RDFError.serialization(format: format.rawValue, message: error) }
        guard !failed, ended == 0 else {
            throw RDFError.serialization(format: format.rawValue, message: "the writer stopped without saying why")
        }
        // An empty graph may leave no string at all.
        return buffer.map { Data(bytes: $0, count: length) } ?? Data()
    }

    private func serialize(_ triple: Triple) -> Bool {
        let subject = term(triple.subject)
        let predicate = raptor_new_term_from_uri_string(world, triple.predicate)
        let object = term(triple.object)
        guard let subject, let predicate, let object else {
            for made in [subject, predicate, object] { if let made { raptor_free_term(made) } }
            return false
        }
        // The statement owns its terms from here on, freed with it.
        guard let statement = raptor_new_statement_from_nodes(world, subject, predicate, object, nil) else { return false }
        defer { raptor_free_statement(statement) }
        return raptor_serializer_serialize_statement(serializer, statement) == 0
    }

    private func term(_ term: Term) -> UnsafeMutablePointer<raptor_term>? {
        switch term {
        case .iri(let iri):
            return raptor_new_term_from_uri_string(world, iri)
        case .blank(let label):
            return raptor_new_term_from_blank(world, label)
        case .literal(let value, let language, let datatype):
            let datatypeURI = datatype.flatMap { raptor_new_uri(world, $0) }
            defer { if let datatypeURI { raptor_free_uri(datatypeURI) } }
            let length = value.utf8.count
            return value.withCString { text in
                let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
                guard let language else {
                    return raptor_new_term_from_counted_literal(world, bytes, length, datatypeURI, nil, 0)
                }
                return language.withCString { tag in
                    raptor_new_term_from_counted_literal(
                        world, bytes, length, nil, UnsafeRawPointer(tag).assumingMemoryBound(to: UInt8.self),
                        UInt8(clamping: language.utf8.count))
                }
            }
        }
    }
}

/// The first error raptor2 logs while a document is written.
final class WriterLog {
    var firstError: String?

    func report(_ message: raptor_log_message) {
        guard message.level.rawValue >= RAPTOR_LOG_LEVEL_ERROR.rawValue, firstError == nil else { return }
        firstError = message.text.map { String(cString: $0) } ?? "unknown error"
    }
}

private func raptorWriterLogHandler(_ context: UnsafeMutableRawPointer?, _ message: UnsafeMutablePointer<raptor_log_message>?) {
    guard let context, let message else { return }
    Unmanaged<WriterLog>.fromOpaque(context).takeUnretainedValue().report(message.pointee)
}
