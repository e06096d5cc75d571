import Foundation

/// A typed `skos:notation`: a code of another system, the datatype naming the system.
public struct Notation: Codable, Hashable, Sendable, CustomStringConvertible {
    public var type: NotationType
    public var code: String

    public init(type: NotationType, code: String) {
        self.type = type
        self.code = code
    }

    public var description: String { "\(type.name):\(code)" }
}

/// The datatype of a notation. The project's own datatypes name a known system; any other IRI is
/// kept as read (so an imported file round-trips) and reported by the quality check.
public struct NotationType: RawRepresentable, Codable, Hashable, Comparable, Sendable {
    /// The datatype IRI.
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let base = "https://w3id.org/imaging-catalogue/vocab/notation-type#"
    public static let icd10 = NotationType(rawValue: base + "ICD10")
    public static let icdo3Topography = NotationType(rawValue: base + "ICDO3Topography")
    public static let icdo3Morphology = NotationType(rawValue: base + "ICDO3Morphology")
    public static let oncotree = NotationType(rawValue: base + "OncoTree")
    public static let dicomModality = NotationType(rawValue: base + "DICOMModality")
    public static let dicomBodyPart = NotationType(rawValue: base + "DICOMBodyPartExamined")
    public static let known: [NotationType] = [.icd10, .icdo3Topography, .icdo3Morphology, .oncotree, .dicomModality, .dicomBodyPart]

    /// The code system of a known datatype; nil for an unknown one.
    public var system: CodeSystem? {
        switch self {
        case .icd10: .icd10
        case .icdo3Topography, .icdo3Morphology: .icdo3
        case .oncotree: .oncotree
        case .dicomModality, .dicomBodyPart: .dicom
        default: nil
        }
    }

    /// The local name of a project datatype ("ICD10"), else the whole IRI.
    public var name: String { rawValue.hasPrefix(Self.base) ? String(rawValue.dropFirst(Self.base.count)) : rawValue }

    /// ICD-10 and ICD-O-3 codes are WHO's: shipped apart, in the restricted-codes files.
    public var isRestricted: Bool { self == .icd10 || self == .icdo3Topography || self == .icdo3Morphology }

    /// The datatype a code of `system` takes on a concept of `scheme`; nil for systems written as
    /// match IRIs (NCIt, SNOMED CT, UBERON, EUCAIM).
    public static func forCode(_ code: String, system: CodeSystem, scheme: ConceptScheme) -> NotationType? {
        switch system {
        case .icd10: return .icd10
        case .icdo3:
            let first = code.trimmingCharacters(in: .whitespaces).uppercased().first
            return first == "C" ? .icdo3Topography : .icdo3Morphology
        case .oncotree: return .oncotree
        case .dicom: return scheme == .bodySite ? .dicomBodyPart : .dicomModality
        default: return nil
        }
    }

    public static func < (lhs: NotationType, rhs: NotationType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A SKOS mapping link to a concept of another system.
public struct MatchLink: Codable, Hashable, Sendable {
    public enum Relation: String, Codable, CaseIterable, Sendable {
        case exact = "exactMatch", close = "closeMatch", broad = "broadMatch", narrow = "narrowMatch", related = "relatedMatch"
    }

    public var relation: Relation
    public var iri: String

    public init(relation: Relation, iri: String) {
        self.relation = relation
        self.iri = iri
    }

    /// SNOMED CT links are shipped apart (DICOM free set only), with the restricted codes.
    public var isRestricted: Bool { CodeSystem.code(fromIRI: iri)?.0 == .snomed }

    /// The `skos:closeMatch` link a code of an IRI-based system stands for (NCIt, SNOMED CT, UBERON, EUCAIM).
    public static func forCode(_ code: String, system: CodeSystem) -> MatchLink? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        switch system {
        case .ncit: return MatchLink(relation: .close, iri: "http://purl.obolibrary.org/obo/NCIT_" + trimmed.uppercased())
        case .snomed: return MatchLink(relation: .close, iri: "http://snomed.info/id/" + trimmed)
        case .uberon:
            let digits = trimmed.uppercased().hasPrefix("UBERON") ? String(trimmed.drop(while: { !$0.isNumber })) : trimmed
            return MatchLink(relation: .close, iri: "http://purl.obolibrary.org/obo/UBERON_" + digits)
        case .eucaim: return MatchLink(relation: .close, iri: "https://cancerimage.eu/ontology/EUCAIM#" + trimmed.uppercased())
        default: return nil
        }
    }
}
