import CXMLErrorLocator
import Foundation

/// Finds where an XML document stops being well-formed, with libxml2 directly.
///
/// raptor2 hands libxml2's messages on without a position, and a curator needs the line of a
/// broken RDF/XML file. Network access and external entities stay off here too.
enum XMLErrorLocator {
    struct Location {
        var line: Int
        var column: Int?
        var message: String
    }

    static func firstError(in data: Data) -> Location? {
        var line: Int32 = 0
        var column: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let found = data.withUnsafeBytes { bytes in
            cxml_first_error(bytes.bindMemory(to: CChar.self).baseAddress, bytes.count, &line, &column, &message, message.count)
        }
        guard found == 1 else { return nil }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Location(line: Int(line), column: column > 0 ? Int(column) : nil, message: text)
    }
}
