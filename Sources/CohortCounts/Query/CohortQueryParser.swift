import CatalogueModel
import Foundation
import Vocabulary

/// Turns the filters a researcher wrote (`cancerType=icd10:C50`, `sex=female`, `age=50-69`, …)
/// into a canonical ``CohortQuery``, failing closed (`reference/privacy.md` §5.2): one value
/// per filter, at most six, no negation, no wildcards, no free text, no identifiers, concepts and
/// codes the vocabularies hold, ages as unions of whole 10-year bands, datasets and nodes the
/// catalogue has subjects of.
public struct CohortQueryParser {
    let vocabulary: Vocabulary
    let datasets: Set<DatasetKey>
    let nodes: Set<String>

    /// `nodes`: those a `node` filter may name; by default the nodes of `datasets` (a hub names
    /// the nodes it asks, whether or not it harvested their datasets).
    public init(vocabulary: Vocabulary, datasets: Set<DatasetKey>, nodes: Set<String>? = nil) {
        self.vocabulary = vocabulary
        self.datasets = datasets
        self.nodes = nodes ?? Set(datasets.map(\.node))
    }

    static let identifierFields: Set<String> = ["subject", "subjectid", "patient", "patientid", "pseudonym", "id", "study", "studyid", "series", "image", "uid"]
    static let textFields: Set<String> = ["q", "text", "query", "description", "keyword", "keywords", "title"]
    static let sexWords = ["female": "female", "f": "female", "woman": "female", "male": "male", "m": "male", "man": "male"]

    public func parse(_ filters: [(field: String, value: String)]) throws(CohortQueryError) -> CohortQuery {
        var resolved: [CohortQuery.Dimension: [String]] = [:]
        for (name, value) in filters {
            let dimension = try Self.dimension(name)
            guard resolved[dimension] == nil else { throw .repeatedField(name) }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw .emptyValue(name) }
            if trimmed.hasPrefix("!") || trimmed.hasPrefix("-") && dimension != .age || trimmed.lowercased().hasPrefix("not ") {
                throw .negation(field: name, value: value)
            }
            if trimmed.contains("%") || trimmed.contains("*") || trimmed.contains("?") { throw .wildcard(field: name, value: value) }
            resolved[dimension] = try resolve(trimmed, dimension, name)
        }
        guard resolved.count <= CohortQuery.maximumFilters else { throw .tooManyFilters(resolved.count) }
        return CohortQuery(filters: resolved)
    }

    static func dimension(_ name: String) throws(CohortQueryError) -> CohortQuery.Dimension {
        if let dimension = CohortQuery.Dimension(rawValue: name) { return dimension }
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "")
        if identifierFields.contains(folded) { throw .identifierField(name) }
        if textFields.contains(folded) { throw .freeText(name) }
        throw .unknownField(name)
    }

    private func resolve(_ value: String, _ dimension: CohortQuery.Dimension, _ name: String) throws(CohortQueryError) -> [String] {
        switch dimension {
        case .cancerType: return try concepts(value, .cancerType, name)
        case .modality: return try concepts(value, .modality, name)
        case .bodySite: return try concepts(value, .bodySite, name)
        case .sex:
            if let word = Self.sexWords[value.lowercased()], let concept = vocabulary.concept(iri: Self.sexIRI(word)) { return [concept.iri] }
            return try concepts(value, .sex, name)
        case .age: return try Self.ageBands(value).map(CohortQuery.bandText)
        case .dataset:
            guard let key = DatasetKey(joined: value), datasets.contains(key) else {
                throw .unknownValue(field: name, value: value, reason: "no dataset NODE/ID with subjects in this catalogue")
            }
            return [key.description]
        case .node:
            guard nodes.contains(value) else { throw .unknownValue(field: name, value: value, reason: "no node with subjects in this catalogue") }
            return [value]
        }
    }

    static func sexIRI(_ word: String) -> String { "https://w3id.org/imaging-catalogue/vocab/eucaim-sex/\(word)" }

    private func concepts(_ value: String, _ scheme: ConceptScheme, _ name: String) throws(CohortQueryError) -> [String] {
        do {
            return try vocabulary.resolveFilterValue(value, in: scheme).map(\.iri)
        } catch {
            throw .unknownValue(field: name, value: value, reason: "\(error)")
        }
    }

    /// `50-69` → [50, 60]; `90+` → [90]; `60+` → [60, 70, 80, 90]; anything splitting a band is refused.
    static func ageBands(_ text: String) throws(CohortQueryError) -> [Int] {
        let compact = text.replacingOccurrences(of: " ", with: "")
        if compact.hasSuffix("+"), let lower = Int(compact.dropLast()), lower % 10 == 0, (0...90).contains(lower) {
            return Array(stride(from: lower, through: 90, by: 10))
        }
        let parts = compact.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]),
              lower % 10 == 0, upper % 10 == 9, lower <= upper, lower >= 0, upper <= 89 else {
            throw .ageNotWholeBands(text)
        }
        return Array(stride(from: lower, through: upper - 9, by: 10))
    }
}
