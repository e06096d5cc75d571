import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Asks nodes' count endpoints on behalf of a hub: one request per node, bounded in time (the
/// node's `counts.timeout`, covering connect, head and body) and size, never retried (a count is
/// charged to the hub's budget at the node, and a researcher waits), and every failure said in
/// one sentence the hub can show as the node's reason for being missing.
///
/// Owns one `HTTPClient`; call ``shutdown()`` when the server stops.
public final class NodeCountClient: Sendable {
    /// What came back from a node: an HTTP answer (any status), or why there was none.
    public enum Reply: Sendable {
        case answered(status: Int, body: Data)
        case failed(String)
    }

    /// A count answer is a few kilobytes per thousand datasets; anything far larger is not one.
    public static let maxBodyBytes = 4 << 20

    private let client: HTTPClient
    private let userAgent: String

    public init(userAgent: String = HTTPFetchPolicy().userAgent) {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.httpVersion = .http1Only
        // A refused connection must fail at once, not be retried by the pool until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.userAgent = userAgent
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sends `body` (JSON) to the node's endpoint with POST, or GETs it when `body` is nil, with
    /// the credential read from the environment now (so a rotated token needs no restart).
    public func ask(
        _ endpoint: NodeCountEndpoint, node: String, body: Data?, headers: [String: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Reply {
        let address = URLRedaction.redacted(endpoint.url.absoluteString)
        var request = HTTPClientRequest(url: endpoint.url.absoluteString)
        request.method = body == nil ? .GET : .POST
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            if let credentials = endpoint.credentials {
                request.headers.add(name: "Authorization", value: try credentials.authorizationHeader(node: node, environment: environment))
            }
        } catch {
            return .failed("\(error)")
        }
        return await withTimeout(endpoint.timeout, address: address) { [client, request] in
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(endpoint.timeout.nanoseconds)))
            let collected = try await response.body.collect(upTo: Self.maxBodyBytes)
            return .answered(status: Int(response.status.code), body: Data(collected.readableBytesView))
        } failure: { error in
            Self.sentence(error, url: endpoint.url, address: address, limit: endpoint.timeout)
        }
    }

    /// Runs `exchange`, or gives up after `limit`: whichever ends first cancels the other.
    private func withTimeout(
        _ limit: Duration, address: String, _ exchange: @escaping @Sendable () async throws -> Reply,
        failure: @escaping @Sendable (any Error) -> String
    ) async -> Reply {
        await withTaskGroup(of: Reply.self) { group in
            group.addTask {
                do { return try await exchange() } catch { return .failed(failure(error)) }
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return .failed(Self.timeoutSentence(address, limit))
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
    }

    /// The same words whichever clock ran out first, the client's or ours.
    private static func timeoutSentence(_ address: String, _ limit: Duration) -> String {
        FetchError.timeout(url: address, seconds: limit.seconds, attempts: 1).description
    }

    private static func sentence(_ error: any Error, url: URL, address: String, limit: Duration) -> String {
        if let error = error as? NIOTooManyBytesError {
            return "\(address): answer larger than \(maxBodyBytes) bytes (\(error)); that is not a count answer"
        }
        if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
            return timeoutSentence(address, limit)
        }
        let host = url.host ?? "?", port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return FetchError.network(url: address, reason: NetworkErrorClassifier.classify(error, host: host, port: port), attempts: 1).description
    }
}
