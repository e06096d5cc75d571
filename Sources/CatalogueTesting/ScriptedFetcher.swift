import Foundation
import Harvesting

/// A fetcher that answers from a script: per URL, a list of answers consumed one per request
/// (the last one repeats). Records the requests it saw.
public final class ScriptedFetcher: PageFetcher, @unchecked Sendable {
    public enum Answer: Sendable {
        case page(String, contentType: String? = "text/turtle", etag: String? = nil)
        case notModified
        case failure(FetchError)
    }

    private let lock = NSLock()
    private var script: [String: [Answer]]
    public private(set) var requests: [(url: String, validators: CacheValidators?)] = []

    public init(_ script: [String: [Answer]]) { self.script = script }

    public func set(_ url: String, _ answers: [Answer]) {
        lock.withLock { script[url] = answers }
    }

    public var requestedURLs: [String] { lock.withLock { requests.map(\.url) } }

    public func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage {
        let answer: Answer? = lock.withLock {
            requests.append((url.absoluteString, validators))
            guard var answers = script[url.absoluteString], !answers.isEmpty else { return nil }
            let first = answers.count > 1 ? answers.removeFirst() : answers[0]
            script[url.absoluteString] = answers
            return first
        }
        switch answer {
        case nil:
            throw .httpStatus(url: url.absoluteString, status: 404, attempts: 1)
        case .page(let text, let contentType, let etag)?:
            return FetchedPage(url: url, body: Data(text.utf8), contentType: contentType, validators: CacheValidators(etag: etag))
        case .notModified?:
            return FetchedPage(url: url, body: Data(), validators: validators ?? CacheValidators(), notModified: true)
        case .failure(let error)?:
            throw error
        }
    }
}
