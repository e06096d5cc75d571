import Foundation
import SearchIndex

/// The two backends every index test runs against: Xapian's in-memory twin and an on-disk index.
enum IndexBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case inMemory
    case onDisk

    var description: String { rawValue }

    /// A fresh writable index; the folder (for on-disk) is removed by `cleanup`.
    func make() throws -> (SearchIndex, cleanup: () -> Void) {
        switch self {
        case .inMemory:
            return (try SearchIndex.inMemory(), {})
        case .onDisk:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-test-\(UUID().uuidString)")
            return (try SearchIndex.open(at: folder.path, mode: .readWrite), { try? FileManager.default.removeItem(at: folder) })
        }
    }
}
