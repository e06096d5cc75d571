import Foundation
import NIOCore
import NIOHTTP1

/// Answers each request of one connection as the router's script says.
final class FaultChannelHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: FaultRouter
    private var head: HTTPRequestHead?

    init(router: FaultRouter) { self.router = router }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = RecordedRequest(target: head.uri, headers: headers, receivedAt: Date())
            let behaviour = router.behaviour(for: request) ?? .status(404)
            respond(behaviour, to: request, version: head.version, context: context)
        }
    }

    private func respond(_ behaviour: FaultBehaviour, to request: RecordedRequest, version: HTTPVersion, context: ChannelHandlerContext) {
        let writer = FaultResponseWriter(context: context, handler: self, version: version)
        switch behaviour {
        case .delayed(let seconds, let then):
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1_000))) {
                let (handler, context) = loopBound.value
                guard context.channel.isActive else { return }
                handler.respond(then, to: request, version: version, context: context)
            }
        case .ok(let body, let contentType, let extra):
            writer.send(status: .ok, body: Data(body.utf8), headers: ["Content-Type": contentType].merging(extra) { $1 })
        case .status(let code, let retryAfter):
            writer.send(status: HTTPResponseStatus(statusCode: code), body: Data("status \(code)\n".utf8),
                        headers: retryAfter.map { ["Retry-After": $0] } ?? [:])
        case .truncated(let body, let announced):
            writer.sendTruncated(body: Data(body.utf8), announcedLength: announced)
        case .gzip(let body, let contentType):
            writer.send(status: .ok, body: Data(body.utf8), headers: ["Content-Type": contentType, FaultyHTTPServer.compressMarker: "1"])
        case .chunked(let body, let chunkSize, let contentType):
            writer.sendChunked(body: Data(body.utf8), chunkSize: chunkSize, contentType: contentType)
        case .conditional(let body, let etag, let lastModified, let contentType):
            let matches = (etag != nil && request.headers["if-none-match"] == etag)
                || (etag == nil && lastModified != nil && request.headers["if-modified-since"] == lastModified)
            var headers: [String: String] = ["Content-Type": contentType]
            headers["ETag"] = etag
            headers["Last-Modified"] = lastModified
            writer.send(status: matches ? .notModified : .ok, body: matches ? Data() : Data(body.utf8), headers: headers)
        case .trickle(let body, let chunkSize, let interval, let contentType):
            writer.sendTrickle(body: Data(body.utf8), chunkSize: chunkSize, interval: interval, contentType: contentType)
        case .redirect(let target, let code):
            writer.send(status: HTTPResponseStatus(statusCode: code), body: Data(), headers: ["Location": target])
        case .silent:
            break
        case .reset:
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            let channel = context.channel
            guard let options = channel as? SocketOptionProvider else { return channel.close(promise: nil) }
            options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
