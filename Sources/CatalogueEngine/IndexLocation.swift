import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the search index lives in a catalogue's home, and how a rebuilt one replaces it.
///
/// `index` is a symbolic link to the generation in use (`index.<id>`); a rebuild writes a new
/// generation beside it and swaps the link with one `rename(2)`, which is atomic: a reader or a
/// crash sees the old index or the new one, never a half-built one. A killed rebuild leaves only
/// an unused generation folder, removed by the next writer. A home from before generations has a
/// plain `index` folder; the first rebuild moves it aside.
struct IndexLocation {
    let home: URL

    /// The path every reader and writer opens (through the link).
    var live: URL { home.appendingPathComponent("index") }

    /// A fresh folder name for a generation being built.
    func newGeneration() -> URL {
        home.appendingPathComponent("index.\(UUID().uuidString.lowercased().prefix(13))")
    }

    /// Whether anything (a link, a folder) is at the live path.
    var exists: Bool {
        var info = stat()
        return lstat(live.path, &info) == 0
    }

    /// Makes `generation` the live index, then removes every other generation.
    func swap(to generation: URL) throws {
        let fileManager = FileManager.default
        var info = stat()
        if lstat(live.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            // An index folder from before generations: move it aside so the link can take its name.
            try rename(live, to: home.appendingPathComponent("index.legacy-\(UUID().uuidString.prefix(8))"))
        }
        let link = home.appendingPathComponent("index.link-\(UUID().uuidString.prefix(8))")
        try fileManager.createSymbolicLink(atPath: link.path, withDestinationPath: generation.lastPathComponent)
        try rename(link, to: live)
        removeUnusedGenerations()
    }

    /// Deletes generation folders the link does not point to (old ones, killed rebuilds). Only
    /// the writer calls it, under the writer lock, so no rebuild is in progress elsewhere.
    func removeUnusedGenerations() {
        let fileManager = FileManager.default
        let current = (try? fileManager.destinationOfSymbolicLink(atPath: live.path)).map { URL(fileURLWithPath: $0).lastPathComponent }
        let names = (try? fileManager.contentsOfDirectory(atPath: home.path)) ?? []
        for name in names where name.hasPrefix("index.") && name != current {
            try? fileManager.removeItem(at: home.appendingPathComponent(name))
        }
    }

    private func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw CatalogueEngineError.fileSystem(
                path: home.path, reason: "cannot move \(from.lastPathComponent) to \(to.lastPathComponent): \(String(cString: strerror(errno)))")
        }
    }
}
