import Foundation
import FuzzSupport
import Harvesting

// nodes.toml (TOMLKit/toml++, then FederationConfigurationReader's checks). The file is written
// into a scratch folder beside a link to Harvesters/mappings, so that `mapping = "mappings/…"`
// of a json/xml node resolves as it does in the real federation file.

private let folder: URL = {
    let folder = FuzzDriver.scratchFile("federation")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let link = folder.appendingPathComponent("mappings")
    if !FileManager.default.fileExists(atPath: link.path) {
        try? FileManager.default.createSymbolicLink(at: link, withDestinationURL: FuzzDriver.projectFile("Harvesters/mappings"))
    }
    return folder
}()
private let file = folder.appendingPathComponent("nodes.toml")

// toml++ 3.4.0 (inside TOMLKit) asserts — SIGABRT, in release builds too, as SwiftPM does not
// define NDEBUG — on two shapes of malformed document this target found (Fuzz/Known/README.md);
// the federation reader now refuses them before toml++ sees them (TOMLPreflight), so they are no
// longer skipped here: an abort is a finding again.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard (try? Data(bytes: data, count: size).write(to: file)) != nil else { FuzzDriver.fail("cannot write \(file.path)") }
    _ = try? FederationConfiguration.load(from: file)
    return 0
}

@main enum FuzzNodesTOML {
    static func main() { FuzzDriver.run("FuzzNodesTOML", fuzz) }
}
