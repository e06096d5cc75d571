import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

/// The HTTP fetcher against a loopback server that misbehaves on purpose.
@Suite struct HTTPFetcherTests {
    /// Runs `body` with a started server and a fetcher whose waits are recorded, not slept.
    private func withServer(
        _ configure: (inout HTTPFetchPolicy) -> Void = { _ in },
        _ body: (FaultyHTTPServer, URL, HTTPFetcher, Locked<[Duration]>) async throws -> Void
    ) async throws {
        let server = FaultyHTTPServer()
        let base = try await server.start()
        let waits = Locked<[Duration]>([])
        var policy = HTTPFetchPolicy()
        policy.requestTimeout = .seconds(5)
        policy.sleep = { duration in waits.withLock { $0.append(duration) } }
        policy.jitter = { 1 }
        configure(&policy)
        let fetcher = HTTPFetcher(policy: policy)
        do {
            try await body(server, base, fetcher, waits)
        } catch {
            await fetcher.shutdown()
            try await server.stop()
            throw error
        }
        await fetcher.shutdown()
        try await server.stop()
    }

    private func expectFetchError(_ fetcher: HTTPFetcher, _ url: URL) async -> FetchError? {
        do {
            _ = try await fetcher.fetch(url, validators: nil)
            Issue.record("expected \(url) to fail")
            return nil
        } catch {
            return error
        }
    }

    @Test func fetchesAPageWithItsMediaTypeAndValidators() async throws {
        try await withServer { server, base, fetcher, _ in
            server.route("/c.ttl", .ok("<a> <b> <c> .", contentType: "text/turtle; charset=utf-8", headers: ["ETag": "\"v1\"", "Last-Modified": "Mon, 02 Mar 2026 10:00:00 GMT"]))
            let page = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: nil)
            #expect(String(decoding: page.body, as: UTF8.self) == "<a> <b> <c> .")
            #expect(page.contentType == "text/turtle")
            #expect(page.validators == CacheValidators(etag: "\"v1\"", lastModified: "Mon, 02 Mar 2026 10:00:00 GMT"))
            #expect(!page.notModified)
        }
    }

    @Test func retriesAServerErrorThenSucceeds() async throws {
        try await withServer { server, base, fetcher, waits in
            server.route("/c.ttl", [.status(500), .status(503), .ok("ok")])
            let page = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: nil)
            #expect(String(decoding: page.body, as: UTF8.self) == "ok")
            #expect(server.requests(to: "/c.ttl").count == 3)
            #expect(waits.withLock { $0 } == [.seconds(1), .seconds(2)])
        }
    }

    @Test func honoursRetryAfterOnTooManyRequests() async throws {
        try await withServer { server, base, fetcher, waits in
            server.route("/c.ttl", [.status(429, retryAfter: "7"), .ok("ok")])
            _ = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: nil)
            #expect(waits.withLock { $0 } == [.seconds(7)])
        }
    }

    @Test func readsRetryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_772_445_600) // Mon, 02 Mar 2026 10:00:00 GMT
        #expect(RetryAfter.delay("Mon, 02 Mar 2026 10:00:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay("soon", now: now) == nil)
    }

    @Test func givesUpAfterMaxAttemptsNamingStatusAndAttempts() async throws {
        try await withServer({ $0.maxAttempts = 3 }) { server, base, fetcher, _ in
            server.route("/c.ttl", .status(502))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("c.ttl"))
            #expect(error == .httpStatus(url: base.absoluteString + "/c.ttl", status: 502, attempts: 3))
            #expect(server.requests(to: "/c.ttl").count == 3)
        }
    }

    @Test func doesNotRetryANotFound() async throws {
        try await withServer { server, base, fetcher, waits in
            let error = await expectFetchError(fetcher, base.appendingPathComponent("missing.ttl"))
            #expect(error == .httpStatus(url: base.absoluteString + "/missing.ttl", status: 404, attempts: 1))
            #expect(server.requests.count == 1)
            #expect(waits.withLock { $0 }.isEmpty)
        }
    }

    @Test func doesNotWaitForARetryAfterBeyondThePolicy() async throws {
        try await withServer({ $0.maxRetryAfter = .seconds(60) }) { server, base, fetcher, waits in
            server.route("/c.ttl", .status(503, retryAfter: "3600"))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("c.ttl"))
            #expect(error == .httpStatus(url: base.absoluteString + "/c.ttl", status: 503, attempts: 1))
            #expect(waits.withLock { $0 }.isEmpty)
        }
    }

    @Test func timesOutASlowPageAndRetriesIt() async throws {
        // A second apart from the delay, so a loaded machine (the suite runs on two cores) still
        // answers the fast retry in time.
        // The suite runs beside the server's tests, so the "fast" answer gets two seconds.
        try await withServer({ $0.requestTimeout = .seconds(2); $0.maxAttempts = 2 }) { server, base, fetcher, _ in
            server.route("/slow.ttl", [.delayed(seconds: 6, then: .ok("late")), .ok("fast")])
            let page = try await fetcher.fetch(base.appendingPathComponent("slow.ttl"), validators: nil)
            #expect(String(decoding: page.body, as: UTF8.self) == "fast")
            server.route("/slower.ttl", .delayed(seconds: 6, then: .ok("late")))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("slower.ttl"))
            #expect(error == .timeout(url: base.absoluteString + "/slower.ttl", seconds: 2, attempts: 2))
        }
    }

    @Test func stopsABodyThatTricklesPastTheTimeout() async throws {
        try await withServer({ $0.requestTimeout = .milliseconds(500); $0.maxAttempts = 1 }) { server, base, fetcher, _ in
            server.route("/slow-body.ttl", .trickle(String(repeating: "x", count: 400), chunkSize: 20, interval: 0.1))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("slow-body.ttl"))
            #expect(error == .timeout(url: base.absoluteString + "/slow-body.ttl", seconds: 0.5, attempts: 1))
        }
    }

    @Test func refusesAPageLargerThanTheCapByContentLength() async throws {
        try await withServer({ $0.maxBytes = 1_000 }) { server, base, fetcher, _ in
            server.route("/big.ttl", .ok(String(repeating: "x", count: 5_000)))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("big.ttl"))
            #expect(error == .tooLarge(url: base.absoluteString + "/big.ttl", limitBytes: 1_000))
            #expect(server.requests(to: "/big.ttl").count == 1)
        }
    }

    @Test func stopsStreamingAChunkedPagePastTheCap() async throws {
        try await withServer({ $0.maxBytes = 1_000 }) { server, base, fetcher, _ in
            server.route("/big.ttl", .chunked(String(repeating: "x", count: 50_000), chunkSize: 400))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("big.ttl"))
            #expect(error == .tooLarge(url: base.absoluteString + "/big.ttl", limitBytes: 1_000))
        }
    }

    @Test func reportsATruncatedPageAfterRetrying() async throws {
        try await withServer({ $0.maxAttempts = 2 }) { server, base, fetcher, _ in
            server.route("/cut.ttl", .truncated(String(repeating: "y", count: 100), announcedLength: 1_000))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("cut.ttl"))
            #expect(error == .truncated(url: base.absoluteString + "/cut.ttl", received: 100, expected: 1_000))
            #expect(server.requests(to: "/cut.ttl").count == 2)
        }
    }

    @Test func decompressesGzipAndCapsTheDecompressedSize() async throws {
        // Timing is not the subject here: a loaded machine gets all the time it needs.
        try await withServer({ $0.maxBytes = 20_000; $0.requestTimeout = .seconds(60) }) { server, base, fetcher, _ in
            let text = String(repeating: "<a> <b> \"c\" .\n", count: 1_000)
            server.route("/z.ttl", .gzip(text))
            let page = try await fetcher.fetch(base.appendingPathComponent("z.ttl"), validators: nil)
            #expect(String(decoding: page.body, as: UTF8.self) == text)
            #expect(server.requests(to: "/z.ttl").first?.headers["accept-encoding"]?.contains("gzip") == true)
            server.route("/bomb.ttl", .gzip(String(repeating: "0", count: 2_000_000)))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("bomb.ttl"))
            #expect(error == .tooLarge(url: base.absoluteString + "/bomb.ttl", limitBytes: 20_000))
        }
    }

    @Test func sendsConditionalHeadersAndReportsNotModified() async throws {
        try await withServer { server, base, fetcher, _ in
            server.route("/c.ttl", .conditional("body", etag: "\"v7\"", lastModified: "Tue, 03 Mar 2026 08:00:00 GMT"))
            let first = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: nil)
            let second = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: first.validators)
            #expect(second.notModified && second.body.isEmpty)
            let request = try #require(server.requests(to: "/c.ttl").last)
            #expect(request.headers["if-none-match"] == "\"v7\"")
            #expect(request.headers["if-modified-since"] == "Tue, 03 Mar 2026 08:00:00 GMT")
        }
    }

    @Test func sendsUserAgentAcceptAndNodeHeaders() async throws {
        try await withServer({ $0.headers = ["Authorization": "Bearer t0k3n"] }) { server, base, fetcher, _ in
            server.route("/c.ttl", .ok("x"))
            _ = try await fetcher.fetch(base.appendingPathComponent("c.ttl"), validators: nil)
            let request = try #require(server.requests.first)
            #expect(request.headers["user-agent"] == HTTPFetchPolicy.defaultUserAgent)
            #expect(request.headers["accept"]?.hasPrefix("text/turtle") == true)
            #expect(request.headers["authorization"] == "Bearer t0k3n")
        }
    }

    @Test func keepsCredentialsOutOfErrors() async throws {
        try await withServer({ $0.headers = ["Authorization": "Bearer t0k3n"]; $0.maxAttempts = 1 }) { server, base, fetcher, _ in
            server.route("/c.ttl", .status(401))
            let error = await expectFetchError(fetcher, base.appendingPathComponent("c.ttl"))
            #expect(error?.description.contains("t0k3n") == false)
        }
    }

    @Test func followsRedirectsAndReportsTheFinalURL() async throws {
        try await withServer { server, base, fetcher, _ in
            server.route("/old.ttl", .redirect(to: "/new.ttl", status: 301))
            server.route("/new.ttl", .ok("moved"))
            let page = try await fetcher.fetch(base.appendingPathComponent("old.ttl"), validators: nil)
            #expect(page.finalURL.absoluteString == base.absoluteString + "/new.ttl")
            #expect(String(decoding: page.body, as: UTF8.self) == "moved")
        }
    }

    @Test func dropsCredentialsOnARedirectToAnotherOrigin() async throws {
        let other = FaultyHTTPServer()
        let otherBase = try await other.start()
        other.route("/elsewhere.ttl", .ok("moved"))
        try await withServer({ $0.headers = ["Authorization": "Bearer t0k3n"] }) { server, base, fetcher, _ in
            server.route("/old.ttl", .redirect(to: otherBase.absoluteString + "/elsewhere.ttl"))
            _ = try await fetcher.fetch(base.appendingPathComponent("old.ttl"), validators: nil)
            #expect(server.requests(to: "/old.ttl").first?.headers["authorization"] == "Bearer t0k3n")
            #expect(other.requests(to: "/elsewhere.ttl").count == 1)
            #expect(other.requests(to: "/elsewhere.ttl").first?.headers["authorization"] == nil)
        }
        try await other.stop()
    }

    @Test func refusesAConnectionNobodyAnswersAfterRetrying() async throws {
        try await withServer({ $0.maxAttempts = 2; $0.connectTimeout = .milliseconds(300); $0.requestTimeout = .milliseconds(600) }) { _, _, fetcher, _ in
            let error = await expectFetchError(fetcher, URL(string: "http://127.0.0.1:9/c.ttl")!)
            switch error {
            case .network(_, _, let attempts)?, .timeout(_, _, let attempts)?: #expect(attempts == 2)
            default: Issue.record("expected a network error or timeout, got \(String(describing: error))")
            }
        }
    }
}
