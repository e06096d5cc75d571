import CatalogueModel
import CatalogueStore
import Foundation
import FuzzSupport

// The store's JSONReader through the record decoders (RawDataset+JSON, NormalisedDataset+JSON),
// as RecordCoder reads the `raw` and `normalised` columns. Every input goes to both decoders.
// Invariant: a record that decodes encodes to canonical JSON that decodes to the same canonical
// JSON (compared as text, so NaN ages compare equal).

private let coder = RecordCoder()
private let key = DatasetKey(node: "fuzz", id: "fuzz")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let raw = try? coder.raw(from: bytes, key: key) {
        let json = coder.json(raw)
        guard let again = try? coder.raw(from: Data(json.utf8), key: key) else {
            FuzzDriver.fail("the canonical JSON of a decoded raw record does not decode: \(json.prefix(300))")
        }
        guard coder.json(again) == json else { FuzzDriver.fail("raw record JSON is not stable: \(json.prefix(300))") }
    }
    if let normalised = try? coder.normalised(from: bytes, key: key) {
        let json = coder.json(normalised)
        guard let again = try? coder.normalised(from: Data(json.utf8), key: key) else {
            FuzzDriver.fail("the canonical JSON of a decoded normalised record does not decode: \(json.prefix(300))")
        }
        guard coder.json(again) == json else { FuzzDriver.fail("normalised record JSON is not stable: \(json.prefix(300))") }
    }
    return 0
}

@main enum FuzzRecordJSON {
    static func main() { FuzzDriver.run("FuzzRecordJSON", fuzz) }
}
