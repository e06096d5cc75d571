import Foundation

/// Finds the shipped `Vocabularies/` folder when no location was given.
///
/// Looks in the current directory and its parents, then beside the running executable and its
/// parents (a build inside the checkout finds the checkout's folder).
public enum VocabularyLocator {
    public static let folderName = "Vocabularies"

    public static func defaultFolder() throws -> URL {
        let starts = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            if let found = search(upwardsFrom: start) { return found }
        }
        throw CatalogueEngineError.vocabulariesNotFound(searched: folderName)
    }

    static func search(upwardsFrom start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(folderName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
