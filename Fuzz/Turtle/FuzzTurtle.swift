import Foundation
import FuzzSupport
import RDF

// Turtle through raptor2 (RDFParser → RaptorSession), plus the format sniffer on the same bytes.
// Any Swift error is an expected outcome; only traps, sanitizer reports and timeouts are findings.

private let parser = RDFParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = RDFFormat.sniff(bytes)
    _ = try? parser.parse(bytes, format: .turtle, source: "fuzz.ttl", baseIRI: "https://fuzz.example.org/page")
    return 0
}

@main enum FuzzTurtle {
    static func main() { FuzzDriver.run("FuzzTurtle", fuzz) }
}
