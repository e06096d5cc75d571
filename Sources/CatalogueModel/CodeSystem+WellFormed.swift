extension CodeSystem {
    /// The systems a `SYSTEM:CODE` filter can name.
    public static let filterable: [CodeSystem] = [.icd10, .icdo3, .ncit, .oncotree, .dicom, .snomed, .eucaim, .uberon]

    /// Whether `code` is written as a code of this system is written (after `canonical(_:)`), so
    /// that a typo is refused rather than looked up: ICD-10's fallback from a subcode to its
    /// category and range would otherwise read `C34x` as C34 and so as every cancer. Says nothing
    /// about whether any concept carries the code.
    public func isWellFormed(_ code: String) -> Bool {
        let bytes = Array(canonical(code).utf8)
        switch self {
        case .icd10:
            return Self.isICDCategory(bytes[...], letters: nil, decimals: 1...4) || Self.isICDRange(bytes)
        case .icdo3:
            return Self.isICDCategory(bytes[...], letters: [UInt8(ascii: "C")], decimals: 1...1) || Self.isMorphology(bytes)
        case .ncit:
            return bytes.count >= 2 && bytes.first == UInt8(ascii: "C") && bytes.dropFirst().allSatisfy(Self.isDigit)
        case .oncotree:
            return (1...32).contains(bytes.count) && Self.isUpperOrDigit(bytes[0])
                && bytes.allSatisfy { Self.isUpperOrDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }
        case .dicom:
            return (1...16).contains(bytes.count) && bytes.allSatisfy { Self.isUpperOrDigit($0) || $0 == UInt8(ascii: "_") }
        case .snomed:
            return (6...18).contains(bytes.count) && bytes[0] != UInt8(ascii: "0") && bytes.allSatisfy(Self.isDigit)
        case .eucaim:
            guard let firstDigit = bytes.firstIndex(where: Self.isDigit), firstDigit > 0 else { return false }
            return bytes[..<firstDigit].allSatisfy(Self.isUpper) && bytes[firstDigit...].allSatisfy(Self.isDigit)
        case .uberon:
            return bytes.count == 7 && bytes.allSatisfy(Self.isDigit)
        default:
            return !bytes.isEmpty && !bytes.contains(where: { $0 <= 0x20 })
        }
    }

    /// How a well-formed code of this system looks, for the message refusing one that is not.
    public var wellFormedShape: String {
        switch self {
        case .icd10: "a letter and two digits, optionally a dot and up to four digits (C34, C34.9, C509), or a range (C00-C14)"
        case .icdo3: "a topography code, C and two digits with an optional decimal (C34.9), or a morphology code, four digits, '/' and a behaviour digit (8140/3)"
        case .ncit: "C followed by digits (C4878)"
        case .oncotree: "upper-case letters, digits and '_' (NSCLC, HEAD_NECK)"
        case .dicom: "a defined term of up to 16 upper-case letters, digits and '_' (MR, CT, CHEST)"
        case .snomed: "a concept id of 6 to 18 digits (254637007)"
        case .eucaim: "letters followed by digits (CLIN1000060)"
        case .uberon: "seven digits (0002048)"
        default: "a code without spaces"
        }
    }

    /// The name used in messages ("ICD-10").
    public var displayName: String {
        switch self {
        case .icd10: "ICD-10"
        case .icdo3: "ICD-O-3"
        case .ncit: "NCIt"
        case .oncotree: "OncoTree"
        case .dicom: "DICOM"
        case .snomed: "SNOMED CT"
        case .eucaim: "EUCAIM"
        case .uberon: "UBERON"
        default: rawValue
        }
    }

    /// `L99` or `L99.d…` with the decimals' count in `decimals`; `letters` nil means any capital.
    private static func isICDCategory(_ bytes: ArraySlice<UInt8>, letters: Set<UInt8>?, decimals: ClosedRange<Int>) -> Bool {
        guard bytes.count >= 3, let first = bytes.first, isUpper(first), letters?.contains(first) ?? true,
              bytes.dropFirst().prefix(2).allSatisfy(isDigit) else { return false }
        let rest = bytes.dropFirst(3)
        if rest.isEmpty { return true }
        return rest.first == UInt8(ascii: ".") && decimals.contains(rest.count - 1) && rest.dropFirst().allSatisfy(isDigit)
    }

    private static func isICDRange(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 7, bytes[3] == UInt8(ascii: "-") else { return false }
        return isICDCategory(bytes[0..<3], letters: nil, decimals: 0...0) && isICDCategory(bytes[4...], letters: nil, decimals: 0...0)
    }

    private static func isMorphology(_ bytes: [UInt8]) -> Bool {
        bytes.count == 6 && bytes[4] == UInt8(ascii: "/") && bytes[..<4].allSatisfy(isDigit) && isDigit(bytes[5])
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isUpperOrDigit(_ byte: UInt8) -> Bool { isUpper(byte) || isDigit(byte) }
}
