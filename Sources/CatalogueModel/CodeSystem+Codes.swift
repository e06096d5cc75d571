import Foundation

extension CodeSystem {
    /// The system a name people write in `SYSTEM:CODE` values stands for ("ICD-10", "sct", "NCIt").
    public init?(named name: String) {
        let folded = name.lowercased().filter { $0.isLetter || $0.isNumber }
        switch folded {
        case "icd10", "icd", "icd10who", "icd10gm", "icd10cm": self = .icd10
        case "icdo3", "icdo", "icdo3t", "icdo3m": self = .icdo3
        case "ncit", "nci", "ncithesaurus": self = .ncit
        case "oncotree": self = .oncotree
        case "dicom", "dcm": self = .dicom
        case "snomed", "snomedct", "sct": self = .snomed
        case "eucaim", "hyperontology": self = .eucaim
        case "uberon": self = .uberon
        default: return nil
        }
    }

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
    ///
    /// Written over UTF-8 bytes: the normaliser canonicalises every value it tries as a code, in
    /// every system, and Foundation's string functions made that most of its time.
    public func canonical(_ code: String) -> String {
        let trimmed = Self.trimmedSpaces(code)
        switch self {
        case .icd10: return Self.icdTopography(trimmed)
        case .icdo3: return Self.isTopography(trimmed) ? Self.icdTopography(trimmed) : Self.icdMorphology(trimmed)
        case .snomed: return trimmed
        default: return trimmed.uppercased()
        }
    }

    static func trimmedSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 else {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// ICD-O-3 topography codes are "C" and digits; morphology codes are digits, "/" and behaviour.
    public static func isTopography(_ code: String) -> Bool {
        var bytes = code.utf8.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "C") || first == UInt8(ascii: "c"),
              let second = bytes.next(), second >= 0x30 && second <= 0x39, bytes.next() != nil else { return false }
        return true
    }

    /// "c509" → "C50.9"; "C50" stays; ranges "C00-C14" are kept as written (upper-cased).
    static func icdTopography(_ code: String) -> String {
        let bytes = upperASCIIWithoutSpaces(code)
        guard bytes.count > 3, bytes[0] >= 0x41 && bytes[0] <= 0x5A, bytes[1...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes[0..<3] + [UInt8(ascii: ".")] + bytes[3...], as: UTF8.self)
    }

    /// Upper-cased ASCII letters, spaces removed; other bytes kept as they are.
    static func upperASCIIWithoutSpaces(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != 0x20 {
            bytes.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        return bytes
    }

    /// "M-8140/3", "M8140/3", "81403" → "8140/3".
    static func icdMorphology(_ code: String) -> String {
        var bytes = upperASCIIWithoutSpaces(code)[...]
        if bytes.starts(with: [UInt8(ascii: "M"), UInt8(ascii: "-")]) { bytes = bytes.dropFirst(2) }
        else if bytes.first == UInt8(ascii: "M") { bytes = bytes.dropFirst() }
        if bytes.count == 5, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return String(decoding: bytes.prefix(4) + [UInt8(ascii: "/")] + bytes.suffix(1), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
