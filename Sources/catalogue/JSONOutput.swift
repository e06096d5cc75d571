import CatalogueEngine
import Foundation

/// JSON on standard output, pretty, in the encoding the server uses too (``CatalogueJSON``).
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try CatalogueJSON.encode(value, pretty: true))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
