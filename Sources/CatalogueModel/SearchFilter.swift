/// One `FIELD=VALUE` search filter, checked for syntax only (docs/cli.md, `catalogue search`):
/// the field is one of `FacetField`, and a concept field's value is a concept IRI or a code
/// `SYSTEM:CODE` well-formed for its system. Whether a concept, node or access right of that name
/// exists is for the engine to say; this needs no catalogue, so a fuzzer can call it.
public struct SearchFilter: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// A concept IRI, as written (`http://` or `https://`).
        case iri(String)
        /// A code in its system's canonical form (`icd10:c509` → C50.9).
        case code(CodeSystem, String)
        /// A node id or an access right, for the fields without a vocabulary.
        case name(String)
    }

    public let field: FacetField
    /// The value as written, without surrounding spaces.
    public let value: String
    public let parsed: Value

    /// Parses `FIELD=VALUE`; the field name's case does not matter.
    public static func parse(_ filter: String) throws(SearchFilterError) -> SearchFilter {
        guard let equals = filter.firstIndex(of: "=") else { throw .notFieldEqualsValue(filter) }
        let name = trimmed(filter[..<equals])
        let value = trimmed(filter[filter.index(after: equals)...])
        guard !name.isEmpty, !value.isEmpty else { throw .notFieldEqualsValue(filter) }
        guard let field = FacetField(rawValue: name) ?? FacetField.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
        else { throw .unknownField(name) }
        guard field.scheme != nil else { return SearchFilter(field: field, value: value, parsed: .name(value)) }
        if value.hasPrefix("http://") || value.hasPrefix("https://") {
            return SearchFilter(field: field, value: value, parsed: .iri(value))
        }
        guard let colon = value.firstIndex(of: ":") else { throw .notAConceptReference(field: field, value: value) }
        let systemName = trimmed(value[..<colon])
        let code = trimmed(value[value.index(after: colon)...])
        guard !systemName.isEmpty else { throw .notAConceptReference(field: field, value: value) }
        guard let system = CodeSystem(named: systemName) else {
            throw .unknownCodeSystem(field: field, value: value, system: systemName)
        }
        guard system.isWellFormed(code) else { throw .malformedCode(field: field, value: value, system: system) }
        return SearchFilter(field: field, value: value, parsed: .code(system, system.canonical(code)))
    }

    /// Without spaces and tabs at either end.
    private static func trimmed(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// Why a filter's syntax was refused.
public enum SearchFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `=`, or nothing on one side of it.
    case notFieldEqualsValue(String)
    case unknownField(String)
    /// A concept field's value that is neither an IRI nor `SYSTEM:CODE`.
    case notAConceptReference(field: FacetField, value: String)
    case unknownCodeSystem(field: FacetField, value: String, system: String)
    /// A code of a known system not written as that system's codes are.
    case malformedCode(field: FacetField, value: String, system: CodeSystem)

    /// What is wrong with the value, without the field and value themselves (the caller names them).
    public var reason: String {
        switch self {
        case .notFieldEqualsValue: "not FIELD=VALUE"
        case .unknownField(let field): "unknown filter field '\(field)'"
        case .notAConceptReference:
            "neither a concept IRI nor a code written SYSTEM:CODE (icd10:C34, oncotree:NSCLC, dicom:MR)"
        case .unknownCodeSystem(_, _, let system):
            "unknown code system '\(system)': use one of \(CodeSystem.filterable.map(\.rawValue).joined(separator: ", "))"
        case .malformedCode(_, let value, let system):
            "'\(value)' is not a well-formed \(system.displayName) code; write \(system.wellFormedShape)"
        }
    }

    public var description: String {
        switch self {
        case .notFieldEqualsValue(let filter): "filter '\(filter)': \(reason)"
        case .unknownField: reason
        case .notAConceptReference(let field, let value), .unknownCodeSystem(let field, let value, _),
             .malformedCode(let field, let value, _):
            "filter \(field.rawValue)=\(value): \(reason)"
        }
    }
}
