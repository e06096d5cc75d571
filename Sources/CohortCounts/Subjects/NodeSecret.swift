import Crypto
import Foundation

/// The node's secret: the key of the HMACs that replace subject ids by pseudonyms and give each
/// subject its cell-key share. A file of 32 random bytes (base64), created on first use with mode
/// 0600; a file readable by group or others is refused, as ssh refuses a private key. It is never
/// logged. Rotating it re-randomises every pseudonym and every cell, so rotate only when it
/// leaked, and then re-import and reindex (docs/counts.md).
public struct NodeSecret: Sendable {
    let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }

    /// Reads the secret at `file`, creating it (and its folder) when there is none.
    public static func loadOrCreate(_ file: URL) throws(NodeSecretError) -> NodeSecret {
        if !FileManager.default.fileExists(atPath: file.path) { try create(file) }
        return try load(file)
    }

    /// Reads an existing secret; an absent file is an error (counting and reindexing never create one).
    public static func load(_ file: URL) throws(NodeSecretError) -> NodeSecret {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        } catch {
            throw NodeSecretError(file: file, "cannot be read; subjects are imported with it (catalogue subjects import creates it)")
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw NodeSecretError(file: file, "is readable by others (mode \(String(mode, radix: 8))); make it private: chmod 600")
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw NodeSecretError(file: file, "does not hold a secret: 32 bytes in base64 on one line")
        }
        return NodeSecret(key: SymmetricKey(data: bytes))
    }

    private static func create(_ file: URL) throws(NodeSecretError) {
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Created private, then written: the secret is never in a file others may read.
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw NodeSecretError(file: file, "cannot be created")
            }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data((secret + "\n").utf8))
            try handle.synchronize()
        } catch let error as NodeSecretError {
            throw error
        } catch {
            throw NodeSecretError(file: file, "cannot be written (\(error.localizedDescription))")
        }
    }

    /// The pseudonym of a subject id: 64 hex digits of HMAC-SHA256(secret, "pseudonym|" + id).
    /// The raw id goes no further than this call.
    public func pseudonym(of subjectID: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(("pseudonym|" + subjectID).utf8), using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// The subject's share of every cell key it is counted in (`reference/privacy.md` §5.3).
    public func cellKeyShare(ofPseudonym pseudonym: String) -> UInt64 {
        CellKey.subjectKey(secret: key, subjectUID: pseudonym)
    }
}

/// The node secret cannot be used: which file, and what to do.
public struct NodeSecretError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String

    init(file: URL, _ message: String) {
        self.file = file.path
        self.message = message
    }

    public var description: String { "the node secret \(file) \(message)" }
}
