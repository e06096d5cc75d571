import Foundation

/// Why a page could not be fetched. Every case names the URL (or path) it concerns; none carries
/// a credential (URLs are redacted, see ``URLRedaction``).
///
/// Its ``description`` is the one place where fetch failures become what an operator reads: one
/// sentence naming the node, host or path, what happened, and what to do about it.
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
    case network(url: String, reason: NetworkFailure, attempts: Int)
    /// A local endpoint that cannot be read.
    case unreadable(path: String, reason: FileProblem)
    /// A URL scheme the harvester does not speak.
    case unsupportedURL(String)
    /// The same failure, for the named node (the fetcher of a node's harvest adds it).
    indirect case atNode(String, FetchError)

    public var url: String {
        switch self {
        case .httpStatus(let url, _, _), .timeout(let url, _, _), .tooLarge(let url, _),
             .truncated(let url, _, _), .network(let url, _, _): URLRedaction.redacted(url)
        case .unreadable(let path, _): path
        case .unsupportedURL(let url): URLRedaction.redacted(url)
        case .atNode(_, let error): error.url
        }
    }

    /// Whether the failure is the connection's rather than the server's answer: a timeout, a
    /// refused, reset or cut connection. Such failures are retried only within the policy's
    /// ``HTTPFetchPolicy/transportRetryWindow``.
    var isTransportFailure: Bool {
        switch self {
        case .timeout, .truncated, .network: true
        case .atNode(_, let error): error.isTransportFailure
        default: false
        }
    }

    public var description: String {
        switch self {
        case .httpStatus(_, let status, let attempts):
            "\(url): HTTP \(status)" + Self.after(attempts) + Self.advice(status: status)
        case .timeout(_, let seconds, let attempts):
            "\(url): no answer within \(Self.format(seconds)) s" + Self.after(attempts)
                + "; the node accepted the connection but did not answer in time: try again later or tell the node's operator"
        case .tooLarge(_, let limit):
            "\(url): page larger than the cap of \(limit) bytes; if the page is genuine, raise max_page_bytes for the node in nodes.toml"
        case .truncated(_, let received, let expected):
            "\(url): connection closed after \(received) of \(expected) bytes; try again later"
        case .network(_, let reason, let attempts):
            Self.sentence(reason, url: url, after: Self.after(attempts))
        case .unreadable(let path, let problem):
            "path \(path): \(problem.phrase)" + ((Self.endpointAdvice(problem) ?? problem.advice).map { "; \($0)" } ?? "")
        case .unsupportedURL:
            "\(url): only http, https and local paths can be harvested; check the endpoint in nodes.toml"
        case .atNode(let node, let error):
            "node '\(node)': \(error)"
        }
    }

    private static let checkEndpoint = "check the endpoint in nodes.toml"

    private static func sentence(_ failure: NetworkFailure, url: String, after: String) -> String {
        switch failure {
        case .connectionRefused(let host, let port):
            "cannot connect to \(host):\(port) (connection refused)\(after); \(checkEndpoint) or whether the node is up"
        case .connectTimeout(let host, let port, let seconds):
            "cannot connect to \(host):\(port) (no answer\(seconds > 0 ? " within \(format(seconds)) s" : ""))\(after); "
                + "\(checkEndpoint), whether the node is up, or whether a firewall blocks the port"
        case .unreachable(let host):
            "cannot reach host \(host) (no network route)\(after); check this machine's network and the endpoint in nodes.toml"
        case .hostNotFound(let host):
            "host \(host) not found (DNS); \(checkEndpoint) and this machine's network"
        case .connectionReset(let host):
            "the connection to \(host) was reset while fetching \(url)\(after); the node may be restarting or overloaded: try again later"
        case .closedEarly(let host):
            "the connection to \(host) closed before \(url) was complete\(after); try again later"
        case .tls(let host, let problem):
            "the TLS handshake with host \(host) failed (\(tlsPhrase(problem))); \(tlsAdvice(problem))"
        case .tooManyRedirects(let limit):
            "\(url): too many redirects (more than \(limit)) or a redirect loop; point the endpoint in nodes.toml at the final address"
        case .cancelled:
            "\(url): cancelled"
        case .other(let reason):
            "\(url): \(reason)\(after)"
        }
    }

    private static func tlsPhrase(_ problem: TLSFailure) -> String {
        switch problem {
        case .untrustedCertificate: "certificate not trusted: expired, self-signed, from an unknown authority or for another host"
        case .hostnameMismatch: "the certificate is for another host"
        case .notTLS: "the server does not speak TLS on this port"
        case .timeout: "no answer in time"
        case .other(let reason): reason
        }
    }

    private static func tlsAdvice(_ problem: TLSFailure) -> String {
        switch problem {
        case .untrustedCertificate, .hostnameMismatch:
            "ask the node's operator to fix its certificate (certificate verification is never turned off)"
        case .notTLS: "check whether the endpoint in nodes.toml should be http:// or use another port"
        case .timeout: "try again later"
        case .other: "\(checkEndpoint) or ask the node's operator"
        }
    }

    private static func advice(status: Int) -> String {
        switch status {
        case 401, 403: "; check the node's credentials in nodes.toml (credentials = { env = … }) and that the variable is set"
        case 404, 410: "; \(checkEndpoint)"
        case 429, 500...: "; the node is failing or busy: try again later"
        default: ""
        }
    }

    private static func endpointAdvice(_ problem: FileProblem) -> String? {
        switch problem {
        case .noSuchFile, .notAFolder: "\(checkEndpoint) (a relative path is relative to that file)"
        default: nil
        }
    }

    private static func after(_ attempts: Int) -> String {
        attempts > 1 ? " (after \(attempts) attempts)" : ""
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
