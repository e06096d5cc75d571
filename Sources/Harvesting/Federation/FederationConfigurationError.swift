/// Why `nodes.toml` was refused. Every case names the file and, where it can, the node and key.
public struct FederationConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// `line:column` for TOML syntax errors.
    public var line: Int?
    public var column: Int?
    /// Which node (`node #2 'es-upv'`), when the problem is inside one.
    public var node: String?
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, node: String? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.node = node
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let node { place += ", \(node)" }
        if let key { place += ", key '\(key)'" }
        return "\(place): \(message)"
    }
}
