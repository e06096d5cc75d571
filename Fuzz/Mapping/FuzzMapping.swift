import Foundation
import FuzzSupport
import Harvesting

// Mapping files (NodeAPIMapping.load: JSON Pointers, XPath compilation, paging rules), and every
// mapping that loads is then used: a sample page of its format is mapped through it, so that odd
// but accepted selectors, namespaces and paging rules meet a real page.

private let file = FuzzDriver.scratchFile("mapping.json")
private let jsonPage = samplePage("Tests/HarvestingTests/Fixtures/custom/pacs-page-1.json")
private let xmlPage = samplePage("Tests/HarvestingTests/Fixtures/custom/xnat-page-1.xml")
private let pageURL = URL(string: "https://fuzz.example.org/api/v1/collections?page=1&offset=0")!

private func samplePage(_ path: String) -> Data {
    let url = FuzzDriver.projectFile(path)
    guard let data = try? Data(contentsOf: url) else { FuzzDriver.fail("cannot read \(url.path) (run from the project root)") }
    return data
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard (try? Data(bytes: data, count: size).write(to: file)) != nil else { FuzzDriver.fail("cannot write \(file.path)") }
    guard let mapping = try? NodeAPIMapping.load(from: file) else { return 0 }
    let page = mapping.format == .json ? jsonPage : xmlPage
    _ = try? CustomPageMapper(mapping: mapping).map(page, pageURL: pageURL, source: "fuzz-page")
    return 0
}

@main enum FuzzMapping {
    static func main() { FuzzDriver.run("FuzzMapping", fuzz) }
}
