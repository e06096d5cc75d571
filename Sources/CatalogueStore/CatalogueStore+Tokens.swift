import CatalogueModel
import Crypto
import Foundation
import GRDB

extension CatalogueStore {
    /// Stores a new token under the SHA-256 of its secret. A name held by a live token is refused
    /// with ``CatalogueStoreError/tokenNameTaken(_:)``.
    public func createToken(_ token: APIToken, secret: String) throws {
        try write { db in
            let taken = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM apiToken WHERE name = ? AND revokedAt IS NULL)", arguments: [token.name]) ?? false
            guard !taken else { throw CatalogueStoreError.tokenNameTaken(token.name) }
            try db.execute(
                sql: "INSERT INTO apiToken (name, role, secretHash, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.name, token.role.rawValue, Self.secretHash(secret), StoredTime.milliseconds(token.createdAt),
                            token.expiresAt.map(StoredTime.milliseconds)])
        }
    }

    /// Every token, live and revoked, oldest first.
    public func tokens() throws -> [APIToken] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, createdAt, expiresAt, revokedAt FROM apiToken ORDER BY id").map(Self.token)
        }
    }

    /// The token whose secret this is, live or not; nil when no token has it.
    public func token(secret: String) throws -> APIToken? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, role, createdAt, expiresAt, revokedAt FROM apiToken WHERE secretHash = ?",
                arguments: [Self.secretHash(secret)]).map(Self.token)
        }
    }

    /// Revokes the live token of that name; false when there is none.
    public func revokeToken(named name: String, at date: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE apiToken SET revokedAt = ? WHERE name = ? AND revokedAt IS NULL",
                arguments: [StoredTime.milliseconds(date), name])
            return db.changesCount > 0
        }
    }

    /// Tokens are 256 random bits, so one SHA-256 (no salt, no stretching) cannot be reversed.
    static func secretHash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func token(_ row: Row) -> APIToken {
        let role: String = row[1]
        return APIToken(
            name: row[0], role: APIRole(rawValue: role) ?? .anonymous, createdAt: StoredTime.date(row[2]),
            expiresAt: (row[3] as Int64?).map(StoredTime.date), revokedAt: (row[4] as Int64?).map(StoredTime.date))
    }
}
