import CatalogueModel
import CatalogueStore
import CohortCounts
import Vocabulary

/// One term a count can be filtered on, as a Beacon's `filtering_terms` lists it.
public struct CountFilteringTerm: Sendable, Equatable {
    /// A CURIE (`NCIT:C4872`, `DICOM:MR`) or, for a concept with no code of its own, its IRI.
    public var id: String
    public var label: String
    /// The count filter the term stands for (`cancerType`, `modality`, `bodySite`, `sex`).
    public var field: String
}

extension CatalogueService {
    /// The terms counts can be filtered on: one per concept of the cancer-type, modality,
    /// body-site and sex schemes, named by the code a Beacon client most likely holds — an exact
    /// NCIt, UBERON or SNOMED CT match first, then the concept's own notations — provided the code
    /// names that one filter only; else the concept's IRI, which always does.
    public func countFilteringTerms() throws -> [CountFilteringTerm] {
        let parser = try countQueryParser()
        var terms: [CountFilteringTerm] = []
        for (dimension, scheme) in CohortQueryParser.termDimensions {
            for concept in vocabulary.concepts(in: scheme) where !concept.deprecated {
                let id = Self.candidateCURIEs(of: concept).first { candidate in
                    (try? parser.filter(forTerm: candidate, at: "id"))?.field == dimension.rawValue
                } ?? concept.iri
                terms.append(CountFilteringTerm(id: id, label: concept.label, field: dimension.rawValue))
            }
        }
        return terms
    }

    /// The parser of count queries over the datasets that have subjects.
    func countQueryParser() throws -> CohortQueryParser {
        let datasets = try storeCall { try store.subjectImports() }.map(\.summary.dataset)
        return CohortQueryParser(vocabulary: vocabulary, datasets: Set(datasets))
    }

    /// The concept's codes as CURIEs, most widely used systems first.
    static func candidateCURIEs(of concept: Concept) -> [String] {
        let matches = concept.matchLinks.filter { $0.relation == .exact }.compactMap { CodeSystem.code(fromIRI: $0.iri) }
        let ranked = matches.sorted { rank($0.0) < rank($1.0) }.map { "\($0.0.rawValue.uppercased()):\($0.1)" }
        let notations = concept.notations.compactMap { notation in notation.type.system.map { "\($0.rawValue.uppercased()):\(notation.code)" } }
        return ranked + notations
    }

    private static func rank(_ system: CodeSystem) -> Int {
        [CodeSystem.ncit, .uberon, .snomed].firstIndex(of: system) ?? 3
    }
}
