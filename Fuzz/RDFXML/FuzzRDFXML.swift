import Foundation
import FuzzSupport
import RDF

// RDF/XML through raptor2 (RDFParser → RaptorSession, and the libxml2 error locator it calls on
// a well-formedness error). Swift errors are expected; traps, sanitizer reports and timeouts are findings.

private let parser = RDFParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = try? parser.parse(bytes, format: .rdfxml, source: "fuzz.rdf", baseIRI: "https://fuzz.example.org/page")
    return 0
}

@main enum FuzzRDFXML {
    static func main() { FuzzDriver.run("FuzzRDFXML", fuzz) }
}
