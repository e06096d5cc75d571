import Foundation

extension CodeSystem {
    /// The (system, code) an IRI of a known code system stands for.
    public static func code(fromIRI iri: String) -> (CodeSystem, String)? {
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
                if !code.isEmpty { return (system, system.canonical(code)) }
            }
        }
        return nil
    }

    /// The canonical form of a code in this system ("C509" → "C50.9", "M-8140/3" → "8140/3").
    public func canonical(_ code: String) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        switch self {
        case .icd10: return Self.icdTopography(trimmed)
        case .icdo3: return Self.isTopography(trimmed) ? Self.icdTopography(trimmed) : Self.icdMorphology(trimmed)
        case .snomed: return trimmed
        default: return trimmed.uppercased()
        }
    }

    /// ICD-O-3 topography codes are "C" and digits; morphology codes are digits, "/" and behaviour.
    public static func isTopography(_ code: String) -> Bool {
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
