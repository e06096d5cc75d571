/// A field researchers can filter and facet on.
public enum FacetField: String, Codable, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Hierarchical: a value counts every dataset mapped to it or to any of its descendants.
    case cancerType
    case modality
    case bodySite
    case node
    case accessRights

    /// The vocabulary whose concepts are this field's values, if any.
    public var scheme: ConceptScheme? {
        switch self {
        case .cancerType: .cancerType
        case .modality: .modality
        case .bodySite: .bodySite
        case .node, .accessRights: nil
        }
    }

    public static func < (lhs: FacetField, rhs: FacetField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var description: String { rawValue }
}
