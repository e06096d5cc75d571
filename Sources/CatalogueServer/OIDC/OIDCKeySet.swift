import CatalogueEngine
import Foundation
import JWTKit

/// Reads an OIDC provider's JSON Web Key Set from the file the operator configured, refusing
/// what would make verification unsafe or silently empty: private key material, duplicate or
/// missing key ids, a set with no signing key. Encryption keys (`"use": "enc"`) are skipped.
enum OIDCKeySet {
    /// Larger files are not key sets (a provider publishes a handful of keys).
    static let maxBytes = 1 << 20

    static func read(_ file: URL) async throws(OIDCConfigurationError) -> (JWTKeyCollection, Date?) {
        let keys = try signingKeys(in: file)
        let collection = JWTKeyCollection()
        // jwt-kit builds the key of a JWK without 'alg' only when a token first names one; a copy
        // with the algorithm its type implies is built now, so bad key material stops the start.
        let probe = JWTKeyCollection()
        for key in keys {
            do {
                var typed = key
                typed.algorithm = typed.algorithm ?? impliedAlgorithm(of: key)
                try await probe.add(jwk: typed)
                _ = try await probe.getKey(for: typed.keyIdentifier)
                try await collection.add(jwk: key)
            } catch {
                throw OIDCConfigurationError(file: file, "key '\(key.keyIdentifier?.string ?? "")' is not a usable \(key.keyType.rawValue) public key")
            }
        }
        return (collection, modificationDate(of: file))
    }

    /// The algorithm a key's type and curve imply (RSA keys verify RS* and PS* alike; RS256 stands for them).
    private static func impliedAlgorithm(of key: JWK) -> JWK.Algorithm {
        switch (key.keyType, key.curve?.rawValue) {
        case (.ecdsa, "P-384"): .es384
        case (.ecdsa, "P-521"): .es512
        case (.ecdsa, _): .es256
        case (.octetKeyPair, _): .eddsa
        default: .rs256
        }
    }

    static func modificationDate(of file: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date
    }

    /// The signing keys of the set, each checked; the order of the file.
    static func signingKeys(in file: URL) throws(OIDCConfigurationError) -> [JWK] {
        let entries = try entries(in: file)
        var keys: [JWK] = []
        var seen = Set<String>()
        for (position, entry) in entries.enumerated() {
            let label = (entry["kid"] as? String).map { "key '\($0)'" } ?? "key #\(position + 1)"
            if entry["use"] as? String == "enc" { continue }
            for field in ["d", "p", "q", "dp", "dq", "qi", "k"] where entry[field] != nil {
                throw OIDCConfigurationError(file: file, "\(label) holds private or secret key material ('\(field)'); the file must hold the provider's public keys only")
            }
            guard let kid = entry["kid"] as? String, !kid.isEmpty else {
                throw OIDCConfigurationError(file: file, "\(label) has no 'kid'")
            }
            guard seen.insert(kid).inserted else { throw OIDCConfigurationError(file: file, "\(label) appears twice") }
            if let alg = entry["alg"] as? String, !OIDCVerifier.acceptedAlgorithms.contains(alg) {
                throw OIDCConfigurationError(file: file, "\(label) has the algorithm '\(alg)'; accepted: \(OIDCVerifier.acceptedAlgorithms.sorted().joined(separator: ", "))")
            }
            guard let data = try? JSONSerialization.data(withJSONObject: entry), let key = try? JSONDecoder().decode(JWK.self, from: data) else {
                throw OIDCConfigurationError(file: file, "\(label) is not a JSON Web Key of type RSA, EC or OKP")
            }
            keys.append(key)
        }
        guard !keys.isEmpty else { throw OIDCConfigurationError(file: file, "the key set holds no signing key") }
        return keys
    }

    private static func entries(in file: URL) throws(OIDCConfigurationError) -> [[String: Any]] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw OIDCConfigurationError(file: file, "cannot be read: \(ErrorSentence.message(for: error))")
        }
        guard data.count <= maxBytes else { throw OIDCConfigurationError(file: file, "is larger than \(maxBytes) bytes; it is not a key set") }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let keys = root["keys"] as? [Any] else {
            throw OIDCConfigurationError(file: file, "is not a JSON Web Key Set: a JSON object with a 'keys' array")
        }
        var entries: [[String: Any]] = []
        for (position, key) in keys.enumerated() {
            guard let entry = key as? [String: Any] else { throw OIDCConfigurationError(file: file, "key #\(position + 1) is not a JSON object") }
            entries.append(entry)
        }
        return entries
    }
}

/// An OIDC setting the server cannot start with, naming the file and what is wrong in it.
public struct OIDCConfigurationError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String

    init(file: URL, _ message: String) {
        self.file = file.lastPathComponent
        self.message = message
    }

    public var description: String { "OIDC key set \(file): \(message)" }
}
