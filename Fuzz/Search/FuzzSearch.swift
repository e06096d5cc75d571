import CatalogueModel
import Foundation
import FuzzSupport

// The search text and filter parsers (SearchText.parse, SearchFilter.parse): every input goes to
// both, as UTF-8 text. Invariants, from their documentation:
// - accepted text has at most `maximumWords` words, and its `canonical` form parses to the same
//   parts (it holds no syntax but words and balanced quotes); keeping its own words is allowed;
// - an accepted filter has a non-empty value, and writing it back as FIELD=VALUE (or, for a
//   code, FIELD=system:canonical-code) parses to the same field and parsed value.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let search = try? SearchText.parse(text) {
        guard search.wordCount <= SearchText.maximumWords else { FuzzDriver.fail("more than maximumWords words accepted") }
        guard let again = try? SearchText.parse(search.canonical) else {
            FuzzDriver.fail("the canonical form of accepted text is refused: \(search.canonical.debugDescription)")
        }
        guard again.parts == search.parts else {
            FuzzDriver.fail("canonical text parses differently: \(search.canonical.debugDescription) → \(again.canonical.debugDescription)")
        }
        _ = search.keepingWords(Array(search.words.prefix(1)))
    }
    if let filter = try? SearchFilter.parse(text) {
        guard !filter.value.isEmpty else { FuzzDriver.fail("a filter with an empty value was accepted") }
        let written: String
        if case .code(let system, let code) = filter.parsed {
            written = "\(filter.field.rawValue)=\(system.rawValue):\(code)"
        } else {
            written = "\(filter.field.rawValue)=\(filter.value)"
        }
        guard let again = try? SearchFilter.parse(written) else {
            FuzzDriver.fail("the filter written back is refused: \(written.debugDescription) (from \(text.debugDescription))")
        }
        guard again.field == filter.field, again.parsed == filter.parsed else {
            FuzzDriver.fail("the filter written back parses differently: \(written.debugDescription)")
        }
    }
    return 0
}

@main enum FuzzSearch {
    static func main() { FuzzDriver.run("FuzzSearch", fuzz) }
}
