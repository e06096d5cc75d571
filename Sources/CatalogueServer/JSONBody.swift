import Foundation
import HTTPTypes
import Hummingbird
import RDF

/// A request's JSON body, read strictly: `application/json`, at most the configured size, a
/// well-formed object, and only the members the operation knows. Each accessor names the member
/// at fault, so a client learns exactly what to fix.
struct JSONBody {
    private let members: [String: JSONValue]

    /// Reads and parses the body of `request`, refusing members not in `allowed`.
    init(_ request: Request, maxBytes: Int, allowed: Set<String>) async throws {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw Problem(.unsupportedMediaType, type: Problem.typeURI("invalid-body"),
                          detail: "the request body must be JSON, sent with 'Content-Type: application/json'")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: maxBytes)
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(buffer.readableBytesView))
        } catch {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the request body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the request body must be a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                          detail: "unknown member '\(QueryParameters.shown(unknown))' in the request body: it takes \(allowed.sorted().joined(separator: ", "))",
                          parameter: unknown)
        }
        members = object
    }

    /// The members the body has.
    var names: Set<String> { Set(members.keys) }

    /// A member as parsed, nil when absent (nested documents such as a Beacon query read it).
    func value(_ name: String) -> JSONValue? { members[name] }

    /// An object member whose members are all strings, as (name, value) pairs in name order;
    /// empty when absent. Refused, naming the member, when it is null or anything in it is not a string.
    func stringMembers(_ name: String) throws(Problem) -> [(field: String, value: String)] {
        guard let value = members[name] else { return [] }
        guard let object = value.objectValue else { throw Self.wrongType(name, "an object of strings") }
        var pairs: [(field: String, value: String)] = []
        for key in object.keys.sorted() {
            guard let text = object[key]?.stringValue else { throw Self.wrongType("\(name).\(key)", "a string") }
            pairs.append((key, text))
        }
        return pairs
    }

    /// A string member, nil when absent (or null); refused when it is another type.
    func string(_ name: String) throws(Problem) -> String? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw Self.wrongType(name, "a string") }
        return text
    }

    func requiredString(_ name: String) throws(Problem) -> String {
        guard let text = try string(name) else { throw Self.missing(name) }
        return text
    }

    /// A required string that is not blank (a reason, a name).
    func requiredText(_ name: String) throws(Problem) -> String {
        let text = try requiredString(name)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "'\(name)' in the request body must not be blank", parameter: name)
        }
        return text
    }

    /// An array of strings, empty when absent.
    func strings(_ name: String) throws(Problem) -> [String] {
        guard let value = members[name], !value.isNull else { return [] }
        guard let items = value.arrayValue else { throw Self.wrongType(name, "an array of strings") }
        return try items.map { item throws(Problem) in
            guard let text = item.stringValue else { throw Self.wrongType(name, "an array of strings") }
            return text
        }
    }

    /// A whole number in `range`, nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let value = members[name], !value.isNull else { return nil }
        guard case .number(let number) = value, let integer = Int(exactly: number), range.contains(integer) else {
            throw Self.wrongType(name, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    /// A `{"value", "language"}` label (language optional, English by default).
    func label(_ name: String) throws(Problem) -> (value: String, language: String)? {
        guard let value = members[name], !value.isNull else { return nil }
        guard let object = value.objectValue, let text = object["value"]?.stringValue else {
            throw Self.wrongType(name, "an object {\"value\": TEXT, \"language\": TAG}")
        }
        if let unknown = object.keys.sorted().first(where: { $0 != "value" && $0 != "language" }) {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                          detail: "unknown member '\(unknown)' in '\(name)': a label has value and language", parameter: name)
        }
        let language = object["language"]
        guard language == nil || language?.isNull == true || language?.stringValue != nil else {
            throw Self.wrongType("\(name).language", "a string")
        }
        return (text, language?.stringValue ?? "en")
    }

    static func missing(_ name: String) -> Problem {
        Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "the request body lacks '\(name)'", parameter: name)
    }

    static func wrongType(_ name: String, _ expected: String) -> Problem {
        Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "'\(name)' in the request body must be \(expected)", parameter: name)
    }
}
