import AsyncHTTPClient
import Foundation
import NIOCore

/// Turns the errors under the HTTP client — NIO's connect and socket errors, NIOSSL's handshake
/// errors — into a ``NetworkFailure`` for the host being fetched.
///
/// Harvesting depends on AsyncHTTPClient and NIOCore only, so the errors of NIOPosix
/// (`NIOConnectionError`) and NIOSSL (`NIOSSLError`, `BoringSSLError`) are recognised by their
/// type name, fields (through `Mirror`) and reason codes rather than by type.
enum NetworkErrorClassifier {
    static func classify(_ error: any Error, host: String, port: Int) -> NetworkFailure {
        if let error = error as? IOError { return classify(errno: error.errnoCode, host: host, port: port) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout(let amount): return .connectTimeout(host: host, port: port, seconds: Double(amount.nanoseconds) / 1e9)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .inputClosed, .outputClosed: return .closedEarly(host: host)
            case .writeHostUnreachable: return .unreachable(host: host)
            default: return .other("the connection failed (\(error))")
            }
        }
        if let error = error as? SocketAddressError.UnknownHost { return .hostNotFound(host: error.host) }
        if error is SocketAddressError { return .hostNotFound(host: host) }
        if let error = error as? POSIXError { return classify(errno: error.code.rawValue, host: host, port: port) }
        let type = String(reflecting: Swift.type(of: error))
        if type.hasSuffix("NIOConnectionError") { return classifyConnectionError(error, host: host, port: port) }
        if type.contains("NIOSSL") || type.contains("BoringSSL") { return .tls(host: host, tlsFailure(String(describing: error))) }
        return .other(shortened(String(describing: error)))
    }

    /// `errno` of a socket call.
    static func classify(errno code: Int32, host: String, port: Int) -> NetworkFailure {
        switch code {
        case ECONNREFUSED: .connectionRefused(host: host, port: port)
        case ECONNRESET, EPIPE, ECONNABORTED: .connectionReset(host: host)
        case ETIMEDOUT: .connectTimeout(host: host, port: port, seconds: 0)
        case EHOSTUNREACH, ENETUNREACH, ENETDOWN, EHOSTDOWN: .unreachable(host: host)
        default: .other("the connection to \(host) failed (\(String(cString: strerror(code)).lowercased()))")
        }
    }

    /// NIOPosix's `NIOConnectionError`: a DNS error, or one error per address tried.
    private static func classifyConnectionError(_ error: any Error, host: String, port: Int) -> NetworkFailure {
        let fields = Dictionary(Mirror(reflecting: error).children.compactMap { child in child.label.map { ($0, child.value) } },
                                uniquingKeysWith: { first, _ in first })
        let target = (fields["host"] as? String) ?? host
        let targetPort = (fields["port"] as? Int) ?? port
        for key in ["dnsAError", "dnsAAAAError"] {
            if let value = fields[key], let dns = unwrap(value) {
                if dns is SocketAddressError.UnknownHost || dns is SocketAddressError { return .hostNotFound(host: target) }
            }
        }
        if let failures = fields["connectionErrors"] as? [Any] {
            // Each failure is a `SingleConnectionFailure(target:error:)`; the first says enough.
            let errors = failures.compactMap { failure in
                Mirror(reflecting: failure).children.first { $0.label == "error" }?.value as? any Error
            }
            if let first = errors.first { return classify(first, host: target, port: targetPort) }
        }
        if fields["dnsAError"].flatMap(unwrap) != nil || fields["dnsAAAAError"].flatMap(unwrap) != nil {
            return .hostNotFound(host: target)
        }
        return .other("cannot connect to \(target):\(targetPort)")
    }

    /// The error inside an `Optional<Error>` seen through `Any`.
    private static func unwrap(_ value: Any) -> (any Error)? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value as? any Error }
        return mirror.children.first?.value as? any Error
    }

    /// NIOSSL's description holds BoringSSL's reason codes (`…:CERTIFICATE_VERIFY_FAILED at …`).
    static func tlsFailure(_ text: String) -> TLSFailure {
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate")
            || text.contains("noCertificateToValidate") {
            return .untrustedCertificate
        }
        if text.contains("failedToValidateHostname") || text.contains("serverHostnameImpossibleToMatch")
            || text.contains("HOSTNAME_MISMATCH") || text.contains("cannotMatchULabel") {
            return .hostnameMismatch
        }
        if ["WRONG_VERSION_NUMBER", "PACKET_LENGTH_TOO_LONG", "HTTP_REQUEST", "UNKNOWN_PROTOCOL", "RECORD_TOO_LARGE",
            "WRONG_SSL_VERSION", "UNEXPECTED_RECORD"].contains(where: text.contains) {
            return .notTLS
        }
        if text.contains("uncleanShutdown") { return .other("the server closed the connection during the handshake") }
        // The last upper-case reason code, as words: "SSLV3_ALERT_HANDSHAKE_FAILURE" → "sslv3 alert handshake failure".
        let codes = text.split { !($0.isUppercase || $0.isNumber || $0 == "_") }.filter { $0.count >= 6 && $0.contains("_") }
        if let code = codes.last { return .other(code.lowercased().replacingOccurrences(of: "_", with: " ")) }
        return .other("the handshake was refused")
    }

    private static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
