import CatalogueModel
import Foundation

/// How codes of each system are written in the vocabularies and in harvested metadata, and how
/// they are brought to one canonical form ("C509" → "C50.9", "M-8140/3" → "8140/3").
enum CodeSystems {
    static let known: [CodeSystem] = [.icd10, .icdo3, .ncit, .oncotree, .dicom, .snomed, .eucaim, .uberon]
}
