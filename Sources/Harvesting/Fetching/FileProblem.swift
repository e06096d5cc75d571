import Foundation

/// Why a file or folder could not be used, classified from Foundation's `CocoaError`, `POSIXError`
/// and `NSError`, so that a path's problem reads as one sentence ("path …: permission denied; …")
/// wherever it surfaces: a local endpoint (``FetchError/unreadable(path:reason:)``) or the CLI.
public enum FileProblem: Hashable, Sendable, ExpressibleByStringLiteral {
    case noSuchFile
    case permissionDenied
    case isFolder
    case notAFolder
    case alreadyExists
    case noSpace
    case readOnly
    case notText
    /// Anything else, in Foundation's words.
    case other(String)

    public init(stringLiteral value: String) { self = .other(value) }

    public init(_ error: any Error) {
        if let error = error as? POSIXError {
            self = Self(errno: error.code.rawValue)
            return
        }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain {
            self = Self(errno: Int32(error.code))
            return
        }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self = Self(errno: Int32(underlying.code))
            return
        }
        guard error.domain == NSCocoaErrorDomain else {
            self = .other(error.localizedDescription)
            return
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: self = .noSuchFile
        case .fileReadNoPermission, .fileWriteNoPermission: self = .permissionDenied
        case .fileWriteFileExists: self = .alreadyExists
        case .fileWriteOutOfSpace: self = .noSpace
        case .fileWriteVolumeReadOnly: self = .readOnly
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding, .fileWriteInapplicableStringEncoding: self = .notText
        default: self = .other(error.localizedDescription)
        }
    }

    init(errno code: Int32) {
        switch code {
        case ENOENT: self = .noSuchFile
        case EACCES, EPERM: self = .permissionDenied
        case EISDIR: self = .isFolder
        case ENOTDIR: self = .notAFolder
        case EEXIST: self = .alreadyExists
        case ENOSPC, EDQUOT: self = .noSpace
        case EROFS: self = .readOnly
        default: self = .other(String(cString: strerror(code)).lowercased())
        }
    }

    /// The path an error is about, when Foundation recorded it.
    public static func path(of error: any Error) -> String? {
        let error = error as NSError
        if let path = error.userInfo[NSFilePathErrorKey] as? String { return path }
        if let url = error.userInfo[NSURLErrorKey] as? URL { return url.path }
        return nil
    }

    /// `path X: permission denied; check …`.
    public func sentence(path: String) -> String {
        "path \(path): \(phrase)" + (advice.map { "; \($0)" } ?? "")
    }

    public var phrase: String {
        switch self {
        case .noSuchFile: "no such file"
        case .permissionDenied: "permission denied"
        case .isFolder: "is a folder, not a file"
        case .notAFolder: "a part of the path is a file, not a folder"
        case .alreadyExists: "already exists"
        case .noSpace: "no space left on the device"
        case .readOnly: "the file system is read-only"
        case .notText: "is not UTF-8 text"
        case .other(let reason): reason
        }
    }

    public var advice: String? {
        switch self {
        case .noSuchFile, .notAFolder: "check the path (relative paths in nodes.toml are relative to that file)"
        case .permissionDenied: "check the permissions of the file and of its folders for the user running the catalogue"
        case .isFolder: "give a file, or a folder whose files are the pages"
        case .alreadyExists: "remove it or choose another path"
        case .noSpace: "free some space and try again"
        case .readOnly: "choose a writable location"
        case .notText: "save the file as UTF-8"
        case .other: nil
        }
    }
}
