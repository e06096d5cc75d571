import Foundation

/// How the HTTP fetcher behaves towards a node: how long it waits, how often and how patiently
/// it retries, how much it accepts, and how it introduces itself. TLS certificate verification is
/// not a setting: it is always on.
public struct HTTPFetchPolicy: Sendable {
    /// The longest a whole request (headers and body) may take.
    public var requestTimeout: Duration = .seconds(60)
    /// The longest the TCP connection (and TLS handshake) may take: a node that is up connects in
    /// well under a second, so waiting longer only delays the answer for one that is not.
    public var connectTimeout: Duration = .seconds(5)
    /// Attempts per page, the first included. Retried: 5xx, 408, 429 (as the server asks), and
    /// transport failures — timeouts, refused, reset or cut connections — within
    /// ``transportRetryWindow``. Never retried: a host name that does not resolve, a TLS failure,
    /// too many redirects, other 4xx.
    public var maxAttempts = 4
    /// A transport failure is retried only while the time spent on the page so far plus the wait
    /// before the next attempt fits in this window. A node that blips gets another chance; one that
    /// is down fails within seconds, and one that hangs within one ``requestTimeout`` — not in
    /// `maxAttempts × requestTimeout` plus backoff.
    public var transportRetryWindow: Duration = .seconds(5)
    /// Exponential backoff: `base × 2^(attempt-1)`, capped, times a jitter in [0.5, 1].
    public var backoffBase: Duration = .seconds(1)
    public var backoffCap: Duration = .seconds(60)
    /// A `Retry-After` longer than this is not waited for: the page fails at once.
    public var maxRetryAfter: Duration = .seconds(300)
    /// The page-size cap, applied to the announced length, to the bytes received and to the
    /// decompressed size.
    public var maxBytes = NodeConfiguration.defaultMaxPageBytes
    public var maxRedirects = 5
    public var userAgent = HTTPFetchPolicy.defaultUserAgent
    /// RDF serialisations first (Turtle preferred: the FAIR Data Point default), then the JSON and
    /// XML of custom APIs.
    public var accept = """
        text/turtle, application/ld+json;q=0.95, application/rdf+xml;q=0.9, application/n-triples;q=0.8, \
        application/trig;q=0.7, application/json;q=0.5, application/xml;q=0.4, */*;q=0.1
        """
    /// Extra request headers for this node (an `Authorization` built from its credentials).
    /// Their values never appear in errors or logs.
    public var headers: [String: String] = [:]
    /// Waits between attempts; replaced in tests so retries take no real time.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The jitter factor in [0.5, 1] applied to backoff waits (so many harvesters do not retry in step).
    public var jitter: @Sendable () -> Double = { Double.random(in: 0.5...1) }

    public static let defaultUserAgent = "ImagingCatalogue-Harvester/0.3 (DCAT-AP, HealthDCAT-AP and EUCAIM metadata harvester)"

    public init() {}

    /// The wait before attempt `attempt + 1` when the server said nothing about it.
    func backoff(afterAttempt attempt: Int) -> Duration {
        let exponential = backoffBase * (1 << min(attempt - 1, 20))
        return min(exponential, backoffCap) * jitter()
    }
}

/// Reads a `Retry-After` header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
enum RetryAfter {
    static func delay(_ value: String, now: Date = Date()) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return .milliseconds(max(0, Int((date.timeIntervalSince(now) * 1_000).rounded(.up))))
            }
        }
        return nil
    }
}
