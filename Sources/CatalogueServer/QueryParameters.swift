import HTTPTypes
import Hummingbird

/// A request's query string read strictly: every parameter must be one the operation takes, a
/// single-valued one may appear once, and numbers must be numbers in range. A mistake is a 400
/// problem naming the parameter, never a silently ignored or defaulted value.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    /// Reads the query of `request`, refusing any parameter not in `allowed` (listed in the error).
    init(_ request: Request, allowed: Set<String>) throws(Problem) {
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw Problem(
                    .badRequest, type: Problem.typeURI("unknown-parameter"),
                    detail: allowed.isEmpty
                        ? "unknown query parameter '\(name)': this operation takes none"
                        : "unknown query parameter '\(name)': this operation takes \(known)",
                    parameter: name)
            }
            values[name, default: []].append(String(value))
        }
    }

    /// Every value of a repeatable parameter, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The one value of a parameter, nil when absent.
    func single(_ name: String) throws(Problem) -> String? {
        guard let given = values[name] else { return nil }
        guard given.count == 1 else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                          detail: "query parameter '\(name)' is given \(given.count) times; give it once", parameter: name)
        }
        return given[0]
    }

    /// An integer parameter within `range`, or `defaultValue` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(Problem) -> Int {
        guard let text = try single(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                          detail: "query parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(Self.shown(text))'",
                          parameter: name)
        }
        return value
    }

    /// One of `choices`, or `defaultValue` when absent.
    func choice<T: RawRepresentable>(_ name: String, default defaultValue: T) throws(Problem) -> T
    where T: CaseIterable, T.RawValue == String {
        guard let text = try single(name) else { return defaultValue }
        guard let value = T(rawValue: text) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                          detail: "query parameter '\(name)' must be one of \(choices), got '\(Self.shown(text))'", parameter: name)
        }
        return value
    }

    /// A value echoed in an error, cut short so a huge parameter does not make a huge answer.
    static func shown(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
