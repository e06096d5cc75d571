import Foundation

/// A local endpoint that is a folder: its files are the node's pages.
enum LocalFolder {
    /// The page files of `folder` in name order, or nil when `folder` is not a folder.
    static func pageFiles(in folder: URL, for harvestProtocol: HarvestProtocol) -> [URL]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let extensions: Set<String> = switch harvestProtocol {
        case .dcat, .fdp: ["ttl", "rdf", "xml", "nt", "trig", "nq", "jsonld", "json"]
        case .json: ["json"]
        case .xml: ["xml"]
        }
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
