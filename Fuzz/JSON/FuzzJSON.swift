import Foundation
import FuzzSupport
import RDF

// RDF's strict JSON parser (JSONParser, reached through JSONValue.parse), with one invariant:
// a document it accepts has a canonical text (`@json` literals) that it accepts again, giving the
// same canonical text.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let value = try? JSONValue.parse(Data(bytes: data, count: size)) else { return 0 }
    let canonical = value.canonicalText
    guard let again = try? JSONValue.parse(Data(canonical.utf8)) else {
        FuzzDriver.fail("the canonical text of an accepted document does not parse: \(canonical.prefix(200))")
    }
    guard again.canonicalText == canonical else {
        FuzzDriver.fail("canonical text is not stable: \(canonical.prefix(200)) → \(again.canonicalText.prefix(200))")
    }
    return 0
}

@main enum FuzzJSON {
    static func main() { FuzzDriver.run("FuzzJSON", fuzz) }
}
