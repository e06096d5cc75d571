import Foundation

/// What the fault-injecting server does for one request.
public indirect enum FaultBehaviour: Sendable {
    /// 200 with the body (and `Content-Length`).
    case ok(String, contentType: String = "text/turtle", headers: [String: String] = [:])
    /// An error status, optionally with `Retry-After`.
    case status(Int, retryAfter: String? = nil)
    /// Waits, then behaves as `then` (a page slower than the client's timeout).
    case delayed(seconds: Double, then: FaultBehaviour)
    /// Announces `announcedLength` bytes, sends the body, then closes the connection.
    case truncated(String, announcedLength: Int)
    /// The body gzip-compressed (`Content-Encoding: gzip`).
    case gzip(String, contentType: String = "text/turtle")
    /// The body in chunks without `Content-Length`, so only streaming can enforce a size cap.
    case chunked(String, chunkSize: Int, contentType: String = "text/turtle")
    /// 200 with `ETag` / `Last-Modified`, or 304 when the request's validators match.
    case conditional(String, etag: String?, lastModified: String?, contentType: String = "text/turtle")
    /// The body in chunks sent `interval` seconds apart: a page that never stalls long enough for
    /// an idle timeout but takes longer than the whole-request timeout.
    case trickle(String, chunkSize: Int, interval: Double, contentType: String = "text/turtle")
    /// A redirect to another path of this server.
    case redirect(to: String, status: Int = 302)
    /// Reads the request and never answers, keeping the connection open: a hung node.
    case silent
    /// Resets the connection (TCP RST) instead of answering.
    case reset
}

/// A request as the server saw it.
public struct RecordedRequest: Sendable {
    /// Path and query, as sent (`/catalogue.ttl?page=2`).
    public var target: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var receivedAt: Date
}
