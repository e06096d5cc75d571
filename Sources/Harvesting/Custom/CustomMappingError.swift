/// Why a mapping file or a page of a custom API could not be used. Names the file or page and,
/// where it can, the key path or the line and column.
public struct CustomMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var location: String?
    public var message: String

    public init(source: String, location: String? = nil, message: String) {
        self.source = source
        self.location = location
        self.message = message
    }

    public var description: String {
        source + (location.map { " at \($0)" } ?? "") + ": " + message
    }
}
