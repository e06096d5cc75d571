import CatalogueModel

/// The search index's schema, declared once as data: for every field its term prefix, value slot
/// and kind. Everything that writes or reads the index looks fields up here.
///
/// Prefixes follow Omega's conventions where they fit (`Q` unique id) and `X…:` for the project's
/// own filter fields; the `:` keeps a value that starts with a capital letter from running into the prefix.
public struct IndexSchema: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Stemmed English free text, with a within-document frequency weight.
        case freeText(weight: UInt32)
        /// A boolean filter term per value; also counted as a facet.
        case filter(FacetField)
        /// The unique id term, used to replace a dataset's document.
        case uniqueID
        /// A value slot for sorting.
        case value
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var prefix: String?
        public var slot: UInt32?
    }

    public static let fields: [Field] = [
        Field(name: "key", kind: .uniqueID, prefix: "Q", slot: nil),
        Field(name: "title", kind: .freeText(weight: 3), prefix: nil, slot: nil),
        Field(name: "text", kind: .freeText(weight: 1), prefix: nil, slot: nil),
        // Concept facets live in value slots, not terms: a vocabulary edit then rewrites one value
        // per dataset instead of every posting of its document (see cx_database_set_value_facet).
        Field(name: "cancerType", kind: .filter(.cancerType), prefix: "XCT:", slot: 10),
        Field(name: "modality", kind: .filter(.modality), prefix: "XMOD:", slot: 11),
        Field(name: "bodySite", kind: .filter(.bodySite), prefix: "XBS:", slot: 12),
        Field(name: "node", kind: .filter(.node), prefix: "XNODE:", slot: nil),
        Field(name: "accessRights", kind: .filter(.accessRights), prefix: "XACCESS:", slot: nil),
        Field(name: "subjects", kind: .value, prefix: nil, slot: 1),
        Field(name: "modified", kind: .value, prefix: nil, slot: 2),
        Field(name: "titleSortKey", kind: .value, prefix: nil, slot: 3),
    ]

    static func field(_ name: String) -> Field {
        guard let field = fields.first(where: { $0.name == name }) else { preconditionFailure("no index field \(name)") }
        return field
    }

    static func prefix(_ facet: FacetField) -> String {
        guard let field = fields.first(where: { $0.kind == .filter(facet) }), let prefix = field.prefix else {
            preconditionFailure("no filter field for \(facet)")
        }
        return prefix
    }

    static func slot(_ name: String) -> UInt32 {
        guard let slot = field(name).slot else { preconditionFailure("\(name) has no value slot") }
        return slot
    }

    static func weight(_ name: String) -> UInt32 {
        guard case .freeText(let weight) = field(name).kind else { preconditionFailure("\(name) is not free text") }
        return weight
    }

    static var uniqueIDPrefix: String { field("key").prefix! }

    /// Filter fields kept in a value slot: (term prefix, slot).
    static var valueBackedFilters: [(prefix: String, slot: UInt32)] {
        fields.compactMap { field in
            guard case .filter = field.kind, let prefix = field.prefix, let slot = field.slot else { return nil }
            return (prefix, slot)
        }
    }
}
