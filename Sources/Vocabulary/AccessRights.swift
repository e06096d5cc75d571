import Foundation
import CatalogueModel

/// EU access-right codes (PUBLIC, RESTRICTED, NON_PUBLIC) from the authority IRIs and the literals
/// nodes write instead ("public", "Restricted", "BY_REQUEST", "non-public").
enum AccessRights {
    static let aliases: [String: String] = [
        "PUBLIC": "PUBLIC", "OPEN": "PUBLIC", "OPEN_ACCESS": "PUBLIC",
        "RESTRICTED": "RESTRICTED", "RESTRICTED_ACCESS": "RESTRICTED", "BY_REQUEST": "RESTRICTED",
        "ON_REQUEST": "RESTRICTED", "CONTROLLED": "RESTRICTED", "CONTROLLED_ACCESS": "RESTRICTED",
        "NON_PUBLIC": "NON_PUBLIC", "NONPUBLIC": "NON_PUBLIC", "NOT_PUBLIC": "NON_PUBLIC", "PRIVATE": "NON_PUBLIC",
        "CLOSED": "NON_PUBLIC",
    ]

    static func code(for value: RawValue) -> String? {
        let text = LabelFolding.trimmed(value.text)
        let last = text.split(whereSeparator: { $0 == "/" || $0 == "#" }).last.map(String.init) ?? text
        return aliases[String(last.uppercased().map { $0.isLetter ? $0 : "_" })]
    }
}
