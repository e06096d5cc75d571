import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Fetches pages over HTTP(S) as a harvester a node operator can trust: bounded in time and
/// size, retrying only what is worth retrying and as the server asks, conditional when the last
/// run left validators, and honest about who it is.
///
/// Owns one `HTTPClient`; call ``shutdown()`` when the harvest is over.
public final class HTTPFetcher: PageFetcher {
    public let policy: HTTPFetchPolicy
    private let client: HTTPClient

    public init(policy: HTTPFetchPolicy = HTTPFetchPolicy()) {
        self.policy = policy
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: policy.maxRedirects, allowCycles: false),
            timeout: .init(connect: .nanoseconds(Int64(policy.connectTimeout.nanoseconds)), read: .nanoseconds(Int64(policy.requestTimeout.nanoseconds))),
            decompression: .enabled(limit: .size(policy.maxBytes)))
        configuration.httpVersion = .http1Only
        // The pool would otherwise retry a failed connection on its own until the connect timeout,
        // hiding the reason (refused, unknown host, TLS) and making a dead node take
        // `maxAttempts × connectTimeout`; the fetcher decides about retries itself.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the client's connections. Pending fetches fail.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .unsupportedURL(URLRedaction.redacted(url.absoluteString))
        }
        let clock = ContinuousClock()
        let started = clock.now
        var attempt = 1
        while true {
            let outcome = await HTTPAttempt(client: client, policy: policy, url: url, validators: validators).run()
            switch outcome {
            case .page(let page):
                return page
            case .fatal(let error):
                throw error
            case .retryable(let error, let retryAfter):
                guard attempt < policy.maxAttempts else { throw error.withAttempts(attempt) }
                let wait = retryAfter ?? policy.backoff(afterAttempt: attempt)
                guard wait <= policy.maxRetryAfter else { throw error.withAttempts(attempt) }
                if error.isTransportFailure, clock.now - started + wait > policy.transportRetryWindow {
                    throw error.withAttempts(attempt)
                }
                do {
                    try await policy.sleep(wait)
                } catch {
                    throw FetchError.network(url: URLRedaction.redacted(url.absoluteString), reason: .cancelled, attempts: attempt)
                }
                attempt += 1
            }
        }
    }
}

extension FetchError {
    /// The same error, saying how many attempts were made.
    func withAttempts(_ attempts: Int) -> FetchError {
        switch self {
        case .httpStatus(let url, let status, _): .httpStatus(url: url, status: status, attempts: attempts)
        case .timeout(let url, let seconds, _): .timeout(url: url, seconds: seconds, attempts: attempts)
        case .network(let url, let reason, _): .network(url: url, reason: reason, attempts: attempts)
        case .atNode(let node, let error): .atNode(node, error.withAttempts(attempts))
        default: self
        }
    }
}

extension Duration {
    var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }

    var seconds: Double { nanoseconds / 1e9 }
}
