import Foundation
import NIOCore
import NIOHTTP1

/// Writes the response parts of one behaviour, including the deliberately broken ones.
struct FaultResponseWriter {
    let context: ChannelHandlerContext
    let handler: FaultChannelHandler
    let version: HTTPVersion

    func send(status: HTTPResponseStatus, body: Data, headers extra: [String: String]) {
        var headers = HTTPHeaders(extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        // The compressor sets the length of what it compresses.
        if extra[FaultyHTTPServer.compressMarker] == nil {
            headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        context.write(handler.wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        if !body.isEmpty {
            context.write(handler.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Headers promise more than is sent; then the connection closes.
    func sendTruncated(body: Data, announcedLength: Int) {
        let headers = HTTPHeaders([("Content-Type", "text/turtle"), ("Content-Length", String(announcedLength))])
        context.write(handler.wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(channel.allocator.buffer(bytes: body))))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func sendChunked(body: Data, chunkSize: Int, contentType: String) {
        let headers = HTTPHeaders([("Content-Type", contentType), ("Transfer-Encoding", "chunked")])
        context.write(handler.wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
        var offset = 0
        while offset < body.count {
            let end = min(offset + chunkSize, body.count)
            context.write(handler.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body[offset..<end])))), promise: nil)
            offset = end
        }
        context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// Announces the whole length, then sends one chunk every `interval` seconds.
    func sendTrickle(body: Data, chunkSize: Int, interval: Double, contentType: String) {
        let headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", String(body.count))])
        context.writeAndFlush(handler.wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
        let chunks = stride(from: 0, to: body.count, by: max(1, chunkSize)).map { body[$0..<min($0 + chunkSize, body.count)] }
        let loopBound = NIOLoopBound((context, handler), eventLoop: context.eventLoop)
        @Sendable func send(_ index: Int) {
            let (context, handler) = loopBound.value
            guard context.channel.isActive else { return }
            guard index < chunks.count else {
                context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunks[index])))), promise: nil)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(interval * 1_000))) { send(index + 1) }
        }
        send(0)
    }
}
