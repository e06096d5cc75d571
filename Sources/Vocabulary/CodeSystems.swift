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

    /// The (system, code) an IRI of a known code system stands for.
    static func code(fromIRI iri: String) -> (CodeSystem, String)? {
        let patterns: [(String, CodeSystem)] = [
            ("purl.obolibrary.org/obo/NCIT_", .ncit), ("ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl#", .ncit),
            ("snomed.info/id/", .snomed), ("purl.obolibrary.org/obo/UBERON_", .uberon),
            ("cancerimage.eu/ontology/EUCAIM#", .eucaim), ("hyperontology.eucaim.cancerimage.eu/#", .eucaim),
            ("hyperontology.eucaim.cancerimage.eu/", .eucaim),
        ]
        let body = iri.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        for (marker, system) in patterns {
            if let range = body.range(of: marker) {
                let code = String(body[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                if !code.isEmpty { return (system, canonical(code, system: system)) }
            }
        }
        return nil
    }

    /// The canonical form of a code in its system.
    static func canonical(_ code: String, system: CodeSystem) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        switch system {
        case .icd10: return icdTopography(trimmed)
        case .icdo3: return isTopography(trimmed) ? icdTopography(trimmed) : icdMorphology(trimmed)
        case .snomed: return trimmed
        default: return trimmed.uppercased()
        }
    }

    /// ICD-O-3 topography codes are "C" and digits; morphology codes are digits, "/" and behaviour.
    static func isTopography(_ code: String) -> Bool {
        let upper = Array(code.uppercased())
        return upper.count >= 3 && upper[0] == "C" && upper[1].isNumber
    }

    /// "c509" → "C50.9"; "C50" stays; ranges "C00-C14" are kept as written (upper-cased).
    static func icdTopography(_ code: String) -> String {
        let upper = code.uppercased().replacingOccurrences(of: " ", with: "")
        let characters = Array(upper)
        guard characters.count > 3, !upper.contains("."), !upper.contains("-"),
              characters[0].isLetter, characters[1...].allSatisfy(\.isNumber) else { return upper }
        return String(characters[0..<3]) + "." + String(characters[3...])
    }

    /// "M-8140/3", "M8140/3", "81403" → "8140/3".
    static func icdMorphology(_ code: String) -> String {
        var text = code.uppercased().replacingOccurrences(of: " ", with: "")
        if text.hasPrefix("M-") { text.removeFirst(2) } else if text.hasPrefix("M") { text.removeFirst() }
        if !text.contains("/"), text.count == 5, text.allSatisfy(\.isNumber) {
            text.insert("/", at: text.index(text.startIndex, offsetBy: 4))
        }
        return text
    }
}
