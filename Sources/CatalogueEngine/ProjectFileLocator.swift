import Foundation

/// Finds a file or folder the project ships (`Vocabularies/`, `Harvesters/nodes.toml`) when no
/// location was given: in the current directory and its parents, then beside the running
/// executable and its parents (a build inside the checkout finds the checkout's copy).
enum ProjectFileLocator {
    static func find(_ relativePath: String, directory: Bool) -> URL? {
        let starts = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            if let found = search(relativePath, directory: directory, upwardsFrom: start) { return found }
        }
        return nil
    }

    static func search(_ relativePath: String, directory: Bool, upwardsFrom start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(relativePath)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue == directory {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
