import CatalogueModel
import Foundation

/// EU access-right codes (PUBLIC, RESTRICTED, NON_PUBLIC) from the authority IRIs and the literals
/// nodes write instead ("public", "Restricted", "BY_REQUEST", "non-public").
///
/// The one reader of access rights: the normaliser maps harvested values with it and the search
/// filter `accessRights=` reads its value with it, so a spelling that normalises also filters.
public enum AccessRights {
    /// The codes in display order, with their labels.
    public static let order = ["PUBLIC", "RESTRICTED", "NON_PUBLIC"]
    public static let labels = ["PUBLIC": "Public", "RESTRICTED": "Restricted", "NON_PUBLIC": "Non-public"]

    static let aliases: [String: String] = [
        "PUBLIC": "PUBLIC", "OPEN": "PUBLIC", "OPEN_ACCESS": "PUBLIC",
        "RESTRICTED": "RESTRICTED", "RESTRICTED_ACCESS": "RESTRICTED", "BY_REQUEST": "RESTRICTED",
        "ON_REQUEST": "RESTRICTED", "CONTROLLED": "RESTRICTED", "CONTROLLED_ACCESS": "RESTRICTED",
        "NON_PUBLIC": "NON_PUBLIC", "NONPUBLIC": "NON_PUBLIC", "NOT_PUBLIC": "NON_PUBLIC", "PRIVATE": "NON_PUBLIC",
        "CLOSED": "NON_PUBLIC",
    ]

    /// The code for a value: a code or alias in any case and with `-`, `_` or spaces, or an
    /// authority IRI (its last path or fragment segment); nil when it names no access right.
    public static func code(for text: String) -> String? {
        let trimmed = LabelFolding.trimmed(text)
        let last = trimmed.split(whereSeparator: { $0 == "/" || $0 == "#" }).last.map(String.init) ?? trimmed
        return aliases[String(last.uppercased().map { $0.isLetter ? $0 : "_" })]
    }

    static func code(for value: RawValue) -> String? {
        code(for: value.text)
    }
}
