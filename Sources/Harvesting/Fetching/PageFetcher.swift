import Foundation

/// Reads one page of a node's catalogue: over HTTP(S) for a remote endpoint, from disk for a
/// local one. The harvest loop only sees this protocol, so tests can hand it any fetcher.
public protocol PageFetcher: Sendable {
    /// Fetches `url`. With `validators` from an earlier run, an HTTP fetcher sends a conditional
    /// request and may answer ``FetchedPage/notModified``.
    func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage
}

/// What a server said about a page's version, kept between runs for conditional requests.
public struct CacheValidators: Codable, Hashable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// One fetched page.
public struct FetchedPage: Sendable {
    /// The URL asked for.
    public var url: URL
    /// The URL that answered, after redirects (the base for relative links on the page).
    public var finalURL: URL
    /// The body, decompressed; empty when `notModified`.
    public var body: Data
    /// The `Content-Type` media type without parameters, lower-cased (`text/turtle`), if sent.
    public var contentType: String?
    /// Validators to send next time.
    public var validators: CacheValidators
    /// The server answered 304: the page is as it was at the last run.
    public var notModified: Bool

    public init(
        url: URL, finalURL: URL? = nil, body: Data, contentType: String? = nil,
        validators: CacheValidators = CacheValidators(), notModified: Bool = false
    ) {
        self.url = url
        self.finalURL = finalURL ?? url
        self.body = body
        self.contentType = contentType
        self.validators = validators
        self.notModified = notModified
    }
}
