import Foundation

/// How a node's requests are authenticated: the *name* of an environment variable that holds the
/// secret, never the secret itself, so `nodes.toml` can be committed and shared.
public struct NodeCredentials: Hashable, Sendable {
    public enum Scheme: String, CaseIterable, Hashable, Sendable {
        /// `Authorization: Bearer <value>`.
        case bearer
        /// `Authorization: Basic base64(<value>)`, the value written as `user:password`.
        case basic
    }

    public var environmentVariable: String
    public var scheme: Scheme

    public init(environmentVariable: String, scheme: Scheme = .bearer) {
        self.environmentVariable = environmentVariable
        self.scheme = scheme
    }

    /// The `Authorization` header value, read from the environment at harvest time.
    /// - Throws: ``HarvestError/missingCredentials(node:variable:)`` when the variable is unset or empty.
    public func authorizationHeader(node: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let secret = environment[environmentVariable], !secret.isEmpty else {
            throw HarvestError.missingCredentials(node: node, variable: environmentVariable)
        }
        switch scheme {
        case .bearer: return "Bearer \(secret)"
        case .basic: return "Basic \(Data(secret.utf8).base64EncodedString())"
        }
    }
}
