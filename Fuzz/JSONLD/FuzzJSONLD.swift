import Foundation
import FuzzSupport
import RDF

// The JSON-LD 1.1 processor (expansion, contexts, to RDF) with the project's offline contexts, so
// that documents naming the DCAT-AP and EUCAIM contexts are expanded against the real ones.

private let parser: RDFParser = {
    let folder = FuzzDriver.projectFile("Ontologies/jsonld-contexts")
    do {
        return RDFParser(jsonldContexts: try JSONLDContextLibrary(folder: folder))
    } catch {
        FuzzDriver.fail("cannot load the JSON-LD contexts from \(folder.path): \(error) (run from the project root)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = try? parser.parse(bytes, format: .jsonld, source: "fuzz.jsonld", baseIRI: "https://fuzz.example.org/page")
    return 0
}

@main enum FuzzJSONLD {
    static func main() { FuzzDriver.run("FuzzJSONLD", fuzz) }
}
