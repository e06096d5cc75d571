import CatalogueModel

/// Why a count query is refused (`reference/privacy.md` §5.2: anything not understood exactly
/// is refused, never widened or ignored). Each case names the filter and what to write instead.
public enum CohortQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownField(String)
    case identifierField(String)
    case freeText(String)
    case repeatedField(String)
    case tooManyFilters(Int)
    case negation(field: String, value: String)
    case wildcard(field: String, value: String)
    case emptyValue(String)
    case unknownValue(field: String, value: String, reason: String)
    case ageNotWholeBands(String)

    /// The filter at fault, when one is.
    public var field: String? {
        switch self {
        case .unknownField(let name), .identifierField(let name), .freeText(let name), .repeatedField(let name), .emptyValue(let name): name
        case .negation(let field, _), .wildcard(let field, _), .unknownValue(let field, _, _): field
        case .ageNotWholeBands: "age"
        case .tooManyFilters: nil
        }
    }

    public var description: String {
        let fields = CohortQuery.Dimension.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknownField(let name):
            return "'\(name)' is not a count filter; the filters are \(fields)"
        case .identifierField(let name):
            return "'\(name)' is refused: counts are never filtered by subject, study or image identifiers"
        case .freeText(let name):
            return "'\(name)' is refused: counts take no free text; filter on \(fields)"
        case .repeatedField(let name):
            return "'\(name)' is given more than once: a count takes one value per filter"
        case .tooManyFilters(let count):
            return "\(count) filters: a count takes at most \(CohortQuery.maximumFilters)"
        case .negation(let field, let value):
            return "\(field)='\(value)' is refused: counts take no negation"
        case .wildcard(let field, let value):
            return "\(field)='\(value)' is refused: counts take no wildcards"
        case .emptyValue(let field):
            return "'\(field)' has no value"
        case .unknownValue(let field, let value, let reason):
            return "\(field)='\(value)' is refused: \(reason)"
        case .ageNotWholeBands(let value):
            return "age='\(value)' is refused: ages are whole 10-year bands, as 50-59, 40-69 or 90+ (a range from a multiple of 10 to one below a multiple of 10)"
        }
    }
}
