import CatalogueModel
import Foundation
import Vocabulary

extension CohortQueryParser {
    /// The count filters an ontology term may stand for, with the scheme its concepts live in.
    public static let termDimensions: [(dimension: CohortQuery.Dimension, scheme: ConceptScheme)] = [
        (.cancerType, .cancerType), (.modality, .modality), (.bodySite, .bodySite), (.sex, .sex),
    ]

    /// The native filter an ontology term (a CURIE such as `NCIT:C4872` or `icd10:C50`, or a
    /// concept IRI) stands for, found by the scheme whose concepts carry it — how a Beacon
    /// request, which names terms without fields, becomes a count query. `place` says where the
    /// term was written (`query.filters[2]`), for the refusal. A term no scheme knows, or one
    /// several schemes share, is refused: a term is never guessed at.
    public func filter(forTerm term: String, at place: String) throws(CohortQueryError) -> (field: String, value: String) {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .emptyValue(place) }
        let matches = Self.termDimensions.filter { entry in
            guard let found = try? vocabulary.resolveFilterValue(trimmed, in: entry.scheme) else { return false }
            return !found.isEmpty
        }
        guard let first = matches.first else {
            throw .unknownValue(field: place, value: term, reason: "no cancer type, modality, body site or sex concept carries this term (the terms are listed at /beacon/v2/filtering_terms)")
        }
        guard matches.count == 1 else {
            let names = matches.map(\.dimension.rawValue).joined(separator: ", ")
            throw .unknownValue(field: place, value: term, reason: "the term names concepts of several filters (\(names)); name the filter in POST /api/v1/counts instead")
        }
        return (first.dimension.rawValue, trimmed)
    }
}
