internal import CXapian

/// Owns one `cx_database` handle and closes it in `deinit`. Not `Sendable`: Xapian objects must
/// stay on the thread that uses them.
final class XapianDatabase {
    enum Mode: Int32 {
        case readOnly = 0
        case readWrite = 1
        case overwrite = 2
        case inMemory = 3
    }

    let handle: OpaquePointer
    let path: String
    let mode: Mode

    /// `valueBackedFilters`: the prefixes kept in value slots (the dataset index's schema by default).
    init(path: String, mode: Mode, valueBackedFilters: [(prefix: String, slot: UInt32)] = IndexSchema.valueBackedFilters) throws {
        try XapianCall.versionCheck.get()
        self.path = path
        self.mode = mode
        handle = try XapianCall.value("open \(mode == .inMemory ? "in-memory index" : path)") { error in
            cx_database_open(path, mode.rawValue, error)
        }
        for (prefix, slot) in valueBackedFilters {
            try XapianCall.check("declare facet \(prefix)") { cx_database_set_value_facet(handle, prefix, slot, $0) }
        }
    }

    deinit { cx_database_close(handle) }

    var documentCount: Int {
        get throws {
            var count: UInt32 = 0
            try XapianCall.check("count documents") { cx_database_doccount(handle, &count, $0) }
            return Int(count)
        }
    }

    func commit() throws { try XapianCall.check("commit") { cx_database_commit(handle, $0) } }
    func reopen() throws { try XapianCall.check("reopen") { cx_database_reopen(handle, $0) } }

    func setMetadata(_ key: String, _ value: String) throws {
        try XapianCall.check("set metadata") { cx_database_set_metadata(handle, key, value, $0) }
    }

    func metadata(_ key: String) throws -> String {
        let pointer = try XapianCall.value("read metadata") { cx_database_get_metadata(handle, key, $0) }
        defer { cx_string_free(pointer) }
        return String(cString: pointer)
    }

    func termFrequency(_ term: String) throws -> Int {
        var count: UInt32 = 0
        try XapianCall.check("read term frequency") { cx_database_termfreq(handle, term, &count, $0) }
        return Int(count)
    }

    func delete(uniqueTerm: String) throws {
        try XapianCall.check("delete document") { cx_database_delete(handle, uniqueTerm, $0) }
    }
}
