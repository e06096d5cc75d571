import Foundation
import CatalogueModel
import Vocabulary

/// Turns `FIELD=VALUE` filters as people write them into index filter values, or says exactly
/// what is wrong: a malformed filter or code, an unknown field or code is an error, never a
/// silently empty — or silently wider — result.
struct FilterResolver {
    let vocabulary: Vocabulary
    let knownNodes: Set<String>

    func resolve(_ filters: [String]) throws -> [FacetField: Set<String>] {
        var resolved: [FacetField: Set<String>] = [:]
        for filter in filters {
            let parsed = try Self.parse(filter)
            resolved[parsed.field, default: []].formUnion(try resolve(parsed))
        }
        return resolved
    }

    /// The syntax check (`SearchFilter.parse`) with its refusals as engine errors.
    static func parse(_ filter: String) throws(CatalogueEngineError) -> SearchFilter {
        do {
            return try SearchFilter.parse(filter)
        } catch {
            switch error {
            case .notFieldEqualsValue: throw .malformedFilter(filter)
            case .unknownField(let name): throw .unknownFilterField(name)
            case .notAConceptReference(let field, let value), .unknownCodeSystem(let field, let value, _),
                 .malformedCode(let field, let value, _):
                throw .unknownFilterValue(field: field.rawValue, value: value, reason: error.reason)
            }
        }
    }

    private func resolve(_ filter: SearchFilter) throws -> Set<String> {
        let field = filter.field, value = filter.value
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
            guard let code = AccessRights.code(for: value) else {
                throw CatalogueEngineError.unknownFilterValue(
                    field: field.rawValue, value: value, reason: "use PUBLIC, RESTRICTED or NON_PUBLIC")
            }
            return [code]
        case .cancerType, .modality, .bodySite:
            preconditionFailure("concept fields are resolved above")
        }
    }

    /// A well-formed IRI or code, looked up as before: one no concept carries is "unknown".
    private func resolveConcept(_ value: String, field: FacetField, scheme: ConceptScheme) throws -> Set<String> {
        do {
            let concepts = try vocabulary.resolveFilterValue(value, in: scheme)
            return Set(concepts.map(\.iri))
        } catch {
            throw CatalogueEngineError.unknownFilterValue(field: field.rawValue, value: value, reason: String(describing: error))
        }
    }
}
