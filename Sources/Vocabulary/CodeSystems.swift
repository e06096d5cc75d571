import CatalogueModel
import Foundation

/// How codes of each system are written in the vocabularies and in harvested metadata, and how
/// they are brought to one canonical form ("C509" → "C50.9", "M-8140/3" → "8140/3").
enum CodeSystems {
    static let known: [CodeSystem] = [.icd10, .icdo3, .ncit, .oncotree, .dicom, .snomed, .eucaim, .uberon]

    static let notationBase = "https://w3id.org/imaging-catalogue/vocab/notation-type#"

    /// `skos:notation` datatypes → code system.
    static func system(forNotationType datatype: String) -> CodeSystem? {
        guard datatype.hasPrefix(notationBase) else { return nil }
        switch datatype.dropFirst(notationBase.count) {
        case "ICD10": return .icd10
        case "ICDO3Topography", "ICDO3Morphology": return .icdo3
        case "OncoTree": return .oncotree
        case "DICOMModality", "DICOMBodyPartExamined": return .dicom
        default: return nil
        }
    }

    /// Names people use for systems in `SYSTEM:CODE` values.
    static func system(named name: String) -> CodeSystem? {
        let folded = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch folded {
        case "icd10", "icd", "icd10who", "icd10gm", "icd10cm": return .icd10
        case "icdo3", "icdo", "icdo3t", "icdo3m": return .icdo3
        case "ncit", "nci", "ncithesaurus": return .ncit
        case "oncotree": return .oncotree
        case "dicom", "dcm": return .dicom
        case "snomed", "snomedct", "sct": return .snomed
        case "eucaim", "hyperontology": return .eucaim
        case "uberon": return .uberon
        default: return nil
        }
    }

    static func code(fromIRI iri: String) -> (CodeSystem, String)? { CodeSystem.code(fromIRI: iri) }

    static func canonical(_ code: String, system: CodeSystem) -> String { system.canonical(code) }

    static func isTopography(_ code: String) -> Bool { CodeSystem.isTopography(code) }
}
