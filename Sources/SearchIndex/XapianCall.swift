internal import CXapian

/// Calls a `cx_*` function and turns its error out-parameter into a thrown `SearchIndexError`.
enum XapianCall {
    static func check(_ operation: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<cx_error>?>) -> Int32) throws {
        var error: UnsafeMutablePointer<cx_error>?
        let status = body(&error)
        if let error { throw convert(error, operation: operation) }
        if status != 0 { throw SearchIndexError.xapian(operation: operation, errorClass: "unknown", message: "failed", code: status) }
    }

    static func value<T>(_ operation: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<cx_error>?>) -> T?) throws -> T {
        var error: UnsafeMutablePointer<cx_error>?
        let result = body(&error)
        if let error { throw convert(error, operation: operation) }
        guard let result else {
            throw SearchIndexError.xapian(operation: operation, errorClass: "unknown", message: "no result", code: -1)
        }
        return result
    }

    private static func convert(_ error: UnsafeMutablePointer<cx_error>, operation: String) -> SearchIndexError {
        defer { cx_error_free(error) }
        return .xapian(
            operation: operation,
            errorClass: error.pointee.error_class.map { String(cString: $0) } ?? "unknown",
            message: error.pointee.message.map { String(cString: $0) } ?? "",
            code: error.pointee.code)
    }

    /// Checks once per process that the linked Xapian is 1.4.
    static let versionCheck: Result<Void, SearchIndexError> = {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        cx_version(&major, &minor, &revision)
        return major == 1 && minor == 4 ? .success(()) : .failure(.incompatibleXapian(version: "\(major).\(minor).\(revision)"))
    }()
}
