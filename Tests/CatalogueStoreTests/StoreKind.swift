import CatalogueStore
import Foundation
import Testing

/// The two backends every store test runs against: SQLite in memory and a file in a fresh
/// temporary folder (a `DatabasePool` in WAL mode).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case inMemory
    case file

    var testDescription: String { rawValue }

    func makeStore() throws -> TestStore {
        switch self {
        case .inMemory: TestStore(store: try CatalogueStore.inMemory(), folder: nil)
        case .file: try TestStore(folder: TemporaryFolder())
        }
    }
}

/// A store under test and the temporary folder that holds its file, if any. Tests remove it
/// with `defer { fixture.remove() }`, which also keeps the folder for the whole test.
struct TestStore {
    let store: CatalogueStore
    let folder: TemporaryFolder?

    init(store: CatalogueStore, folder: TemporaryFolder?) {
        self.store = store
        self.folder = folder
    }

    init(folder: TemporaryFolder) throws {
        self.init(store: try CatalogueStore(path: folder.databasePath), folder: folder)
    }

    func remove() { folder?.remove() }
}

/// A unique folder under the system's temporary directory.
struct TemporaryFolder: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("CatalogueStoreTests-\(UUID().uuidString)", isDirectory: true)
    }

    /// A database path two folders down, so opening it must create its parent folders.
    var databasePath: String { url.appendingPathComponent("home/data/catalogue.sqlite").path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
