import Foundation

/// Why a page could not be fetched. Every case names the URL (or path) it concerns; none carries
/// a credential.
public enum FetchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server answered with an error status, after any retries.
    case httpStatus(url: String, status: Int, attempts: Int)
    /// No complete answer within the timeout, after any retries.
    case timeout(url: String, seconds: Double, attempts: Int)
    /// The page is larger than the cap; reading stopped at the cap.
    case tooLarge(url: String, limitBytes: Int)
    /// The connection closed before the body announced by `Content-Length` was complete.
    case truncated(url: String, received: Int, expected: Int)
    /// Connection refused, DNS failure, TLS failure and the like.
    case network(url: String, reason: String, attempts: Int)
    /// A local endpoint that cannot be read.
    case unreadable(path: String, reason: String)
    /// A URL scheme the harvester does not speak.
    case unsupportedURL(String)

    public var url: String {
        switch self {
        case .httpStatus(let url, _, _), .timeout(let url, _, _), .tooLarge(let url, _),
             .truncated(let url, _, _), .network(let url, _, _): url
        case .unreadable(let path, _): path
        case .unsupportedURL(let url): url
        }
    }

    public var description: String {
        switch self {
        case .httpStatus(let url, let status, let attempts):
            "\(url): HTTP \(status)" + Self.after(attempts)
        case .timeout(let url, let seconds, let attempts):
            "\(url): no answer within \(Self.format(seconds)) s" + Self.after(attempts)
        case .tooLarge(let url, let limit):
            "\(url): page larger than the cap of \(limit) bytes"
        case .truncated(let url, let received, let expected):
            "\(url): connection closed after \(received) of \(expected) bytes"
        case .network(let url, let reason, let attempts):
            "\(url): \(reason)" + Self.after(attempts)
        case .unreadable(let path, let reason):
            "\(path): \(reason)"
        case .unsupportedURL(let url):
            "\(url): only http, https and local paths can be harvested"
        }
    }

    private static func after(_ attempts: Int) -> String {
        attempts > 1 ? " (after \(attempts) attempts)" : ""
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
