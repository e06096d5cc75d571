import Foundation
import TOMLKit

/// The `counts` table of a node: what a hub needs to ask the node for cohort counts.
///
/// ```toml
/// counts = { endpoint = "https://node.example/api/v1/counts", credentials = { env = "NODE_COUNT_TOKEN" }, timeout = 10 }
/// ```
extension FederationConfigurationReader {
    static let countKeys: Set<String> = ["endpoint", "credentials", "timeout"]

    func countEndpoint(_ table: TOMLTable, _ label: String) throws -> NodeCountEndpoint? {
        guard let value = table["counts"] else { return nil }
        guard let inner = value.table else {
            throw problem(node: label, key: "counts", "must be a table such as { endpoint = \"https://node.example/api/v1/counts\" }")
        }
        for key in inner.keys where !Self.countKeys.contains(key) {
            throw problem(node: label, key: "counts.\(key)", "unknown key; known keys: \(Self.countKeys.sorted().joined(separator: ", "))")
        }
        return NodeCountEndpoint(
            url: try countURL(inner, label), credentials: try credentials(inner, label, keyPath: "counts.credentials"),
            timeout: try countTimeout(inner, label))
    }

    /// An http(s) URL with a host and without userinfo: a hub sends its credential only in a header.
    private func countURL(_ table: TOMLTable, _ label: String) throws -> URL {
        let text = try requiredString(table, "endpoint", label, keyPath: "counts.endpoint")
        let shown = URLRedaction.redacted(text)
        guard !URLRedaction.hasUserinfo(text) else {
            throw problem(node: label, key: "counts.endpoint",
                          "'\(shown)' carries credentials in the URL; write counts.credentials = { env = \"VAR\" } instead")
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw problem(node: label, key: "counts.endpoint",
                          "'\(shown)' is not an http(s) URL with a host (the node's POST /api/v1/counts)")
        }
        return url
    }

    /// Whole seconds within ``NodeCountEndpoint/timeoutRange``.
    private func countTimeout(_ table: TOMLTable, _ label: String) throws -> Duration {
        guard let value = table["timeout"] else { return NodeCountEndpoint.defaultTimeout }
        let range = NodeCountEndpoint.timeoutRange
        guard let seconds = value.int, range.contains(seconds) else {
            throw problem(node: label, key: "counts.timeout",
                          "must be whole seconds from \(range.lowerBound) to \(range.upperBound)")
        }
        return .seconds(seconds)
    }
}
