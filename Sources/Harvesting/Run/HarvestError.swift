/// Why a harvest run stopped or could not start. A run that ends with one of these writes nothing
/// to the node's records: they stay exactly as the last complete run left them.
public enum HarvestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A page could not be fetched, after the retries the fetch policy allows.
    case fetchFailed(FetchError)
    /// A page was fetched but is not a document the node's protocol can read.
    case unreadablePage(url: String, reason: String)
    /// A `next` link led back to a page already read (or to a page with the same content): the
    /// node's paging is broken, so the run cannot know it saw every dataset.
    case pagingLoop(from: String, to: String)
    /// The run reached the node's page limit before the last page.
    case tooManyPages(limit: Int, next: String)
    /// The node needs credentials from an environment variable that is not set.
    case missingCredentials(node: String, variable: String)
    /// A `--node` id that `nodes.toml` does not declare.
    case unknownNode(String, known: [String])
    /// The node's mapping file could not be used.
    case invalidMapping(file: String, reason: String)
    /// The run was cancelled before it finished.
    case cancelled

    /// A run that stopped on a guard (loop, page limit) read nothing wrong; it is partial, not failed.
    public var isPartial: Bool {
        switch self {
        case .pagingLoop, .tooManyPages: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .fetchFailed(let error): error.description
        case .unreadablePage(let url, let reason): reason.hasPrefix(url) ? reason : "\(url): \(reason)"
        case .pagingLoop(let from, let to): "paging loop: \(from) links back to \(to), which was already read; stopped"
        case .tooManyPages(let limit, let next): "stopped after \(limit) pages (max_pages) before \(next)"
        case .missingCredentials(let node, let variable):
            "node '\(node)' needs credentials from the environment variable \(variable), which is not set"
        case .unknownNode(let id, let known):
            "no node '\(id)' in the federation configuration; known: \(known.joined(separator: ", "))"
        case .invalidMapping(let file, let reason): "mapping \(file): \(reason)"
        case .cancelled: "cancelled"
        }
    }
}
