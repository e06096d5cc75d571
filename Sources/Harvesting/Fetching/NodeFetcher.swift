import Foundation

/// The fetcher one node's harvest uses: local paths from disk, `http(s)` URLs over the network
/// with the node's page cap and credentials. Call ``shutdown()`` when the run is over.
public final class NodeFetcher: PageFetcher {
    private let node: String
    private let local: LocalFileFetcher
    private let http: HTTPFetcher

    /// - Throws: ``HarvestError/missingCredentials(node:variable:)`` when the node's credentials
    ///   variable is not set: better to refuse before the first request than to be refused by it.
    public init(
        node: NodeConfiguration, policy: HTTPFetchPolicy = HTTPFetchPolicy(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        var policy = policy
        policy.maxBytes = node.maxPageBytes
        if let credentials = node.credentials {
            policy.headers["Authorization"] = try credentials.authorizationHeader(node: node.id, environment: environment)
        }
        self.node = node.id
        local = LocalFileFetcher(maxBytes: node.maxPageBytes)
        http = HTTPFetcher(policy: policy)
    }

    /// Errors name the node, so a run's reason reads "node 'es-upv': cannot connect to …".
    public func fetch(_ url: URL, validators: CacheValidators?) async throws(FetchError) -> FetchedPage {
        do {
            if url.isFileURL { return try await local.fetch(url, validators: validators) }
            return try await http.fetch(url, validators: validators)
        } catch {
            throw .atNode(node, error)
        }
    }

    public func shutdown() async { await http.shutdown() }
}
