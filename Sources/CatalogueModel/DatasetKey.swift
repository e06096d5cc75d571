/// A dataset's identity in the federation: the node it came from and its identifier there.
public struct DatasetKey: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var node: String
    public var id: String

    public init(node: String, id: String) {
        self.node = node
        self.id = id
    }

    public static func < (lhs: DatasetKey, rhs: DatasetKey) -> Bool { (lhs.node, lhs.id) < (rhs.node, rhs.id) }
    public var description: String { "\(node)/\(id)" }
}
