import Foundation

/// Locates the project's own folders and the team's `shared/` folder beside the checkout, for tests.
///
/// Third-party fixtures under AGPL are never copied into the project; tests read them from
/// `../shared` and skip when it is absent (`sharedFolder` is then nil).
public enum ProjectPaths {
    /// The package root: the nearest folder above this source file that holds `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        preconditionFailure("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the checkout, when present.
    public static var sharedFolder: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("DESIGN.md").path) ? url : nil
    }

    /// A file under `../shared`, when that folder and the file exist.
    public static func shared(_ relativePath: String) -> URL? {
        guard let url = sharedFolder?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// A folder of the project (`Vocabularies`, `Harvesters/demo`, …).
    public static func project(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// A fresh temporary directory, removed by the caller when done.
    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("imaging-catalogue-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
