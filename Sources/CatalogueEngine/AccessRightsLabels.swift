import Foundation
/// The three EU access-right codes the catalogue normalises to, with display labels.
enum AccessRightsLabels {
    static let labels = ["PUBLIC": "Public", "RESTRICTED": "Restricted", "NON_PUBLIC": "Non-public"]
    static let order = ["PUBLIC", "RESTRICTED", "NON_PUBLIC"]

    /// The code for a filter value: the code itself in any case, or the EU authority IRI.
    static func code(for value: String) -> String? {
        let last = value.split(separator: "/").last.map(String.init) ?? value
        let candidate = last.uppercased().replacingOccurrences(of: "-", with: "_")
        return labels[candidate] != nil ? candidate : nil
    }
}
