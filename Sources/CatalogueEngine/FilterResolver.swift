import Foundation
import CatalogueModel
import Vocabulary

/// Turns `FIELD=VALUE` filters as people write them into index filter values, or says exactly
/// what is wrong: an unknown field or code is an error, never a silently empty result.
struct FilterResolver {
    let vocabulary: Vocabulary
    let knownNodes: Set<String>

    func resolve(_ filters: [String]) throws -> [FacetField: Set<String>] {
        var resolved: [FacetField: Set<String>] = [:]
        for filter in filters {
            let (field, value) = try split(filter)
            resolved[field, default: []].formUnion(try resolve(field: field, value: value))
        }
        return resolved
    }

    private func split(_ filter: String) throws -> (FacetField, String) {
        guard let equals = filter.firstIndex(of: "=") else { throw CatalogueEngineError.malformedFilter(filter) }
        let name = filter[..<equals].trimmingCharacters(in: .whitespaces)
        let value = filter[filter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !value.isEmpty else { throw CatalogueEngineError.malformedFilter(filter) }
        guard let field = FacetField(rawValue: name) ?? FacetField.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
        else { throw CatalogueEngineError.unknownFilterField(name) }
        return (field, value)
    }

    func resolve(field: FacetField, value: String) throws -> Set<String> {
        if let scheme = field.scheme { return try resolveConcept(value, field: field, scheme: scheme) }
        switch field {
        case .node:
            guard knownNodes.contains(value) else {
                let known = knownNodes.sorted().joined(separator: ", ")
                throw CatalogueEngineError.unknownFilterValue(
                    field: field.rawValue, value: value,
                    reason: knownNodes.isEmpty ? "the catalogue has no nodes yet" : "no such node; known nodes: \(known)")
            }
            return [value]
        case .accessRights:
            guard let code = AccessRightsLabels.code(for: value) else {
                throw CatalogueEngineError.unknownFilterValue(
                    field: field.rawValue, value: value, reason: "use PUBLIC, RESTRICTED or NON_PUBLIC")
            }
            return [code]
        case .cancerType, .modality, .bodySite:
            preconditionFailure("concept fields are resolved above")
        }
    }

    private func resolveConcept(_ value: String, field: FacetField, scheme: ConceptScheme) throws -> Set<String> {
        do {
            let concepts = try vocabulary.resolveFilterValue(value, in: scheme)
            return Set(concepts.map(\.iri))
        } catch {
            throw CatalogueEngineError.unknownFilterValue(field: field.rawValue, value: value, reason: String(describing: error))
        }
    }
}
