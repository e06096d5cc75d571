/// A dataset's identity in the federation: the node it came from and its identifier there.
public struct DatasetKey: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var node: String
    public var id: String

    public init(node: String, id: String) {
        self.node = node
        self.id = id
    }

    /// `node/id` as `description` writes it (a node id never holds a `/`; a dataset id may); nil
    /// without a `/` or with an empty side.
    public init?(joined text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let node = String(text[..<slash]), id = String(text[text.index(after: slash)...])
        guard !node.isEmpty, !id.isEmpty else { return nil }
        self.init(node: node, id: id)
    }

    public static func < (lhs: DatasetKey, rhs: DatasetKey) -> Bool { (lhs.node, lhs.id) < (rhs.node, rhs.id) }
    public var description: String { "\(node)/\(id)" }
}
