/// A code system whose codes a concept carries as cross-references (`icd10`, `dicom`, …).
///
/// Raw values are the short names used in the JSON contract and in `SYSTEM:CODE` filters.
public struct CodeSystem: RawRepresentable, Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    public static let icd10 = CodeSystem(rawValue: "icd10")
    /// ICD-O-3, topography and morphology codes together (`C50.9`, `8500/3`).
    public static let icdo3 = CodeSystem(rawValue: "icdo3")
    public static let ncit = CodeSystem(rawValue: "ncit")
    public static let oncotree = CodeSystem(rawValue: "oncotree")
    /// DICOM defined terms: Modality (0008,0060) and Body Part Examined (0018,0015).
    public static let dicom = CodeSystem(rawValue: "dicom")
    /// SNOMED CT, DICOM free set only.
    public static let snomed = CodeSystem(rawValue: "snomed")
    /// EUCAIM hyper-ontology codes (`CLIN1000065`).
    public static let eucaim = CodeSystem(rawValue: "eucaim")
    public static let uberon = CodeSystem(rawValue: "uberon")

    public static func < (lhs: CodeSystem, rhs: CodeSystem) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
