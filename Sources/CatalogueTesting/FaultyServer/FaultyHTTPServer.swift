import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 (never another interface) that serves scripted pages and
/// misbehaves on purpose: errors then success, slow pages, truncated and oversized bodies, gzip,
/// conditional answers, redirects. For the harvester's tests.
///
/// ```swift
/// let server = FaultyHTTPServer()
/// server.route("/catalogue.ttl", [.status(500), .ok(turtle)])
/// let base = try await server.start()       // http://127.0.0.1:PORT
/// defer { Task { try await server.stop() } }
/// ```
public final class FaultyHTTPServer: Sendable {
    private let router = FaultRouter()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel = Locked<(any Channel)?>(nil)

    public init() {}

    /// A response header that asks the pipeline's compressor to gzip the body; removed before sending.
    static let compressMarker = "X-Fault-Compress"

    private static func compressMarked(_ head: inout HTTPResponseHead, _ supported: Bool) -> HTTPResponseCompressor.CompressionIntent {
        guard head.headers.contains(name: compressMarker) else { return .doNotCompress }
        head.headers.remove(name: compressMarker)
        return .compressIfPossible
    }

    public func route(_ target: String, _ behaviours: [FaultBehaviour]) { router.route(target, behaviours) }

    public func route(_ target: String, _ behaviour: FaultBehaviour) { router.route(target, [behaviour]) }

    /// Every request seen so far, in arrival order.
    public var requests: [RecordedRequest] { router.requests }

    public func requests(to target: String) -> [RecordedRequest] { requests.filter { $0.target == target } }

    /// Starts listening on an ephemeral loopback port; returns the base URL (no trailing slash).
    public func start() async throws -> URL {
        let router = self.router
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandlers(
                        HTTPResponseCompressor(responseCompressionPredicate: Self.compressMarked),
                        FaultChannelHandler(router: router))
                }
            }
        let server = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel.withLock { $0 = server }
        guard let port = server.localAddress?.port else { throw ChannelError.unknownLocalAddress }
        return URL(string: "http://127.0.0.1:\(port)")!
    }

    /// A loopback port nothing listens on (one this server had, once it stopped): connecting to
    /// it is refused.
    public static func closedPort() async throws -> Int {
        let server = FaultyHTTPServer()
        let base = try await server.start()
        try await server.stop()
        guard let port = base.port else { throw ChannelError.unknownLocalAddress }
        return port
    }

    public func stop() async throws {
        let server = channel.withLock { value in
            defer { value = nil }
            return value
        }
        try await server?.close()
        try await group.shutdownGracefully()
    }
}
