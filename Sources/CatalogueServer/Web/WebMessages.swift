import Foundation

/// The words of the web pages, from one message catalogue (`Resources/Web/messages/en.json`):
/// templates read them as `{{m.section.key}}`, Swift fills their `{name}` placeholders.
struct WebMessages: @unchecked Sendable {
    /// The catalogue as parsed JSON: nested objects of strings. Never mutated after loading,
    /// hence the unchecked `Sendable` (Foundation's JSON objects are not marked).
    let tree: [String: Any]

    init(json data: Data, file: String) throws {
        guard let tree = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WebPagesError.badMessages(file: file, reason: "the top level is not an object")
        }
        self.tree = tree
    }

    /// The message at `path` ("results.other") with each `{name}` replaced; the path itself when
    /// the catalogue lacks it, so a missing message shows on the page instead of an empty space.
    func text(_ path: String, _ values: [String: String] = [:]) -> String {
        var node: Any? = tree
        for part in path.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
        guard var text = node as? String else { return path }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Whether the catalogue has a message at `path`.
    func has(_ path: String) -> Bool { text(path) != path }

    /// "1 dataset", "1,234 datasets": `path.one` or `path.other`, with the count grouped.
    func count(_ path: String, _ count: Int) -> String {
        text(count == 1 ? "\(path).one" : "\(path).other", ["count": Self.grouped(count)])
    }

    static func grouped(_ number: Int) -> String {
        number.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }
}

/// Why the web pages could not be loaded (a packaging fault: the resources ship with the target).
enum WebPagesError: Error, CustomStringConvertible {
    case missingResources(String)
    case badMessages(file: String, reason: String)
    case badTemplate(String)

    var description: String {
        switch self {
        case .missingResources(let what): "the web pages' resources are missing: \(what)"
        case .badMessages(let file, let reason): "the message catalogue \(file) cannot be read: \(reason)"
        case .badTemplate(let detail): "a web page template cannot be parsed: \(detail)"
        }
    }
}
