import CatalogueModel

/// One concept of `vocab list`: indented by depth, with its IRI and codes.
enum VocabularyRow {
    static func render(_ row: ConceptTreeRow) -> String {
        let codes = row.concept.codes.keys.sorted()
            .map { system in "\(system):\(row.concept.codes[system, default: []].joined(separator: ","))" }
            .joined(separator: " ")
        let indent = String(repeating: "  ", count: row.depth + 1)
        return "\(indent)\(row.concept.label)  <\(row.concept.concept)>" + (codes.isEmpty ? "" : "  \(codes)")
    }
}
