/// Why a request never got a complete HTTP answer, classified from the HTTP client's, NIO's and
/// TLS's own errors (see ``NetworkErrorClassifier``) so ``FetchError`` can say it in one sentence.
/// Hosts are named, never credentials.
public enum NetworkFailure: Hashable, Sendable, ExpressibleByStringLiteral {
    /// Nothing listens on the port (or a firewall answered for it).
    case connectionRefused(host: String, port: Int)
    /// The TCP connection could not be made within the connect timeout.
    case connectTimeout(host: String, port: Int, seconds: Double)
    /// No network route to the host.
    case unreachable(host: String)
    /// The host name does not resolve.
    case hostNotFound(host: String)
    /// The other end reset the connection.
    case connectionReset(host: String)
    /// The connection closed before the page was complete.
    case closedEarly(host: String)
    /// The TLS handshake failed.
    case tls(host: String, TLSFailure)
    case tooManyRedirects(limit: Int)
    case cancelled
    /// Anything else, in the library's words (shortened).
    case other(String)

    public init(stringLiteral value: String) { self = .other(value) }

    /// Whether trying again soon can help: a node that restarts or blips, yes; a name that does not
    /// resolve or a certificate that is not trusted, no.
    public var isRetryable: Bool {
        switch self {
        case .connectionRefused, .connectTimeout, .unreachable, .connectionReset, .closedEarly, .other: true
        case .tls(_, let failure): failure == .timeout
        case .hostNotFound, .tooManyRedirects, .cancelled: false
        }
    }
}

/// Why a TLS handshake failed, as far as an operator can act on it.
public enum TLSFailure: Hashable, Sendable {
    /// The certificate chain did not verify: expired, self-signed, unknown authority, or another host's.
    case untrustedCertificate
    /// The certificate does not name the host.
    case hostnameMismatch
    /// The server does not speak TLS on that port (often: an http:// endpoint written as https://).
    case notTLS
    case timeout
    /// The TLS library's reason, e.g. "sslv3 alert handshake failure".
    case other(String)
}
