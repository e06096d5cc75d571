import Foundation

/// The federation as `Harvesters/nodes.toml` declares it.
///
/// ```toml
/// [[node]]
/// id = "es-valencia-upv"
/// name = "Universitat Politècnica de València"
/// country = "ES"
/// endpoint = "https://fdp.upv.example/catalogue.ttl"   # or a path, relative to this file
/// protocol = "dcat"                                     # dcat | fdp | json | xml
/// credentials = { env = "UPV_TOKEN", scheme = "bearer" } # optional; the variable's name only
/// ```
///
/// Loading validates everything a harvest would trip over later (ids, URLs, protocols, mapping
/// files, unknown keys), so a typo fails at once with the file, node and key named.
public struct FederationConfiguration: Hashable, Sendable {
    public var nodes: [NodeConfiguration]
    /// The file the configuration was read from, when it was.
    public var file: URL?

    public init(nodes: [NodeConfiguration], file: URL? = nil) {
        self.nodes = nodes
        self.file = file
    }

    public func node(_ id: String) -> NodeConfiguration? { nodes.first { $0.id == id } }

    /// The nodes named by `ids` in configuration order, or every node when `ids` is empty.
    /// - Throws: ``HarvestError/unknownNode(_:known:)`` for an id the file does not declare.
    public func select(_ ids: [String]) throws -> [NodeConfiguration] {
        guard !ids.isEmpty else { return nodes }
        for id in ids where node(id) == nil {
            throw HarvestError.unknownNode(id, known: nodes.map(\.id))
        }
        return nodes.filter { ids.contains($0.id) }
    }

    /// Reads and validates a `nodes.toml` file.
    public static func load(from file: URL) throws -> FederationConfiguration {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw FederationConfigurationError(file: file.path, message: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        return try FederationConfigurationReader(file: file).read(text)
    }
}
