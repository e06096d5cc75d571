import CatalogueModel
import Foundation
import GRDB

extension CatalogueStore {
    /// Registers a node, or renames one, before or after its first import; nil removes the name.
    ///
    /// Imports create nodes without a name, and callers show the id instead; a name is for people.
    public func registerNode(_ id: String, name: String?) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO node (id, name, createdAt) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name
                    """,
                arguments: [id, name, StoredTime.milliseconds(Date())])
        }
    }
}
