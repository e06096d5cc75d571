import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// One request for one page, classified: a page, an error worth retrying (with the server's
/// `Retry-After`), or an error that retrying cannot fix.
struct HTTPAttempt {
    enum Outcome {
        case page(FetchedPage)
        case retryable(FetchError, retryAfter: Duration?)
        case fatal(FetchError)
    }

    let client: HTTPClient
    let policy: HTTPFetchPolicy
    let url: URL
    let validators: CacheValidators?

    /// The URL as errors name it: without userinfo.
    private var address: String { URLRedaction.redacted(url.absoluteString) }
    private var host: String { url.host ?? "?" }
    private var port: Int { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }

    func run() async -> Outcome {
        var received = 0
        var expected: Int?
        // The client's deadline covers the wait for the response head and its read timeout an idle
        // connection; a body that trickles in forever is stopped here, against the same limit.
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await client.execute(request(), deadline: .now() + .nanoseconds(Int64(policy.requestTimeout.nanoseconds)))
            let status = Int(response.status.code)
            if status == 304 {
                return .page(FetchedPage(url: url, finalURL: finalURL(response), body: Data(), validators: validators ?? CacheValidators(), notModified: true))
            }
            guard (200..<300).contains(status) else { return classify(status: status, headers: response.headers) }
            let encoded = response.headers.first(name: "content-encoding").map { $0.lowercased() != "identity" } ?? false
            expected = encoded ? nil : response.headers.first(name: "content-length").flatMap(Int.init)
            if let expected, expected > policy.maxBytes { return .fatal(.tooLarge(url: address, limitBytes: policy.maxBytes)) }
            var body = Data()
            body.reserveCapacity(min(expected ?? 1 << 16, policy.maxBytes))
            for try await chunk in response.body {
                received += chunk.readableBytes
                guard received <= policy.maxBytes else { return .fatal(.tooLarge(url: address, limitBytes: policy.maxBytes)) }
                guard clock.now - started <= policy.requestTimeout else {
                    return .retryable(.timeout(url: address, seconds: policy.requestTimeout.seconds, attempts: 1), retryAfter: nil)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            if let expected, received < expected {
                return .retryable(.truncated(url: address, received: received, expected: expected), retryAfter: nil)
            }
            return .page(FetchedPage(
                url: url, finalURL: finalURL(response), body: body, contentType: Self.mediaType(response.headers.first(name: "content-type")),
                validators: CacheValidators(etag: response.headers.first(name: "etag"), lastModified: response.headers.first(name: "last-modified"))))
        } catch {
            return classify(error, received: received, expected: expected)
        }
    }

    /// The URL that answered, after redirects, without userinfo: it is stored as the source of
    /// the page's records and is the base of its relative links.
    private func finalURL(_ response: HTTPClientResponse) -> URL {
        URLRedaction.redacted(response.url ?? url)
    }

    private func request() -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Accept", value: policy.accept)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        for (name, value) in policy.headers.sorted(by: { $0.key < $1.key }) { request.headers.replaceOrAdd(name: name, value: value) }
        return request
    }

    private func classify(status: Int, headers: HTTPHeaders) -> Outcome {
        let error = FetchError.httpStatus(url: address, status: status, attempts: 1)
        guard status >= 500 || status == 429 || status == 408 else { return .fatal(error) }
        return .retryable(error, retryAfter: headers.first(name: "retry-after").flatMap { RetryAfter.delay($0) })
    }

    private func classify(_ error: any Error, received: Int, expected: Int?) -> Outcome {
        // However the transport words it, a body that stopped short of its announced length is truncated.
        if let expected, received < expected, !(error is CancellationError) {
            return .retryable(.truncated(url: address, received: received, expected: expected), retryAfter: nil)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .retryable(.timeout(url: address, seconds: policy.requestTimeout.seconds, attempts: 1), retryAfter: nil)
            case .connectTimeout:
                return network(.connectTimeout(host: host, port: port, seconds: policy.connectTimeout.seconds))
            case .tlsHandshakeTimeout:
                return network(.tls(host: host, .timeout))
            case .remoteConnectionClosed, .bodyLengthMismatch:
                if let expected { return .retryable(.truncated(url: address, received: received, expected: expected), retryAfter: nil) }
                return network(.closedEarly(host: host))
            case .redirectLimitReached, .redirectCycleDetected:
                return network(.tooManyRedirects(limit: policy.maxRedirects))
            case .cancelled:
                return network(.cancelled)
            default:
                let code = String(describing: error).replacingOccurrences(of: "HTTPClientError.", with: "")
                return network(.other("the HTTP exchange failed (\(code))"))
            }
        }
        if error is NIOHTTPDecompression.DecompressionError {
            return .fatal(.tooLarge(url: address, limitBytes: policy.maxBytes))
        }
        if error is CancellationError {
            return network(.cancelled)
        }
        return network(NetworkErrorClassifier.classify(error, host: host, port: port))
    }

    /// A transport failure, retryable when trying again soon can help.
    private func network(_ failure: NetworkFailure) -> Outcome {
        let error = FetchError.network(url: address, reason: failure, attempts: 1)
        return failure.isRetryable ? .retryable(error, retryAfter: nil) : .fatal(error)
    }

    /// `text/turtle; charset=utf-8` → `text/turtle`.
    static func mediaType(_ header: String?) -> String? {
        guard let header, let type = header.split(separator: ";").first?.trimmingCharacters(in: .whitespaces), !type.isEmpty else { return nil }
        return type.lowercased()
    }
}
