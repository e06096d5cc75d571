import Foundation
import FuzzSupport
import Harvesting

// A node's custom API page (JSON, or XML through libxml2's parser and XPath) mapped by
// CustomPageMapper through the two shipped mappings: every input goes through both.

private let mappings: [CustomPageMapper] = ["pacs-export-api.json", "xnat-project-export.json"].map { name in
    let url = FuzzDriver.projectFile("Harvesters/mappings/\(name)")
    do {
        return CustomPageMapper(mapping: try NodeAPIMapping.load(from: url))
    } catch {
        FuzzDriver.fail("cannot load \(url.path): \(error) (run from the project root)")
    }
}
private let pageURL = URL(string: "https://fuzz.example.org/api/v1/collections?page=1&offset=0&limit=2")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    for mapper in mappings {
        _ = try? mapper.map(bytes, pageURL: pageURL, source: "fuzz-page")
    }
    return 0
}

@main enum FuzzCustomPage {
    static func main() { FuzzDriver.run("FuzzCustomPage", fuzz) }
}
