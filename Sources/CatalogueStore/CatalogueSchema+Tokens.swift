extension CatalogueSchema {
    /// API tokens: a name (the author of changes made with it), a role, and the SHA-256 of the
    /// secret, never the secret. A revoked token's row stays, for the history; its name can be
    /// given again to a new token.
    static let createAPIToken = """
        CREATE TABLE apiToken (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
            role TEXT NOT NULL CHECK (role IN ('researcher', 'curator', 'admin')),
            secretHash TEXT NOT NULL UNIQUE CHECK (length(secretHash) = 64),
            createdAt INTEGER NOT NULL,
            expiresAt INTEGER,
            revokedAt INTEGER
        ) STRICT;
        CREATE UNIQUE INDEX apiToken_live_name ON apiToken(name) WHERE revokedAt IS NULL;
        """
}
