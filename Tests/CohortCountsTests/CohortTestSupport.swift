import CatalogueModel
import CatalogueTesting
import Crypto
import Foundation
import Vocabulary
@testable import CohortCounts

/// The shipped vocabularies, loaded once for the suite.
enum CohortTestSupport {
    static let vocabulary: Vocabulary = try! Vocabulary.load(from: ProjectPaths.project("Vocabularies"))

    static let secret = NodeSecret(key: SymmetricKey(data: Data(repeating: 7, count: 32)))

    static func breast() throws -> String { try vocabulary.resolveFilterValue("icd10:C50", in: .cancerType).first!.iri }
    static func lung() throws -> String { try vocabulary.resolveFilterValue("icd10:C34", in: .cancerType).first!.iri }
    static func mr() throws -> String { try vocabulary.resolveFilterValue("dicom:MR", in: .modality).first!.iri }
    static func ct() throws -> String { try vocabulary.resolveFilterValue("dicom:CT", in: .modality).first!.iri }

    /// A subject with normalised values given directly, for index tests.
    static func subject(_ number: Int, sex: String?, age: Int?, cancer: [String], modalities: [String]) -> StoredSubject {
        let pseudonym = secret.pseudonym(of: "subject-\(number)")
        return StoredSubject(
            raw: RawSubject(pseudonym: pseudonym, sex: sex, ageAtDiagnosis: age),
            normalised: NormalisedSubject(
                sex: sex.map { CohortQueryParser.sexIRI($0) }, ageBand: age.map(NormalisedSubject.band(ofAge:)),
                cancerTypes: cancer, modalities: modalities))
    }
}

/// SplitMix64: seeded, so every run of a test sees the same subjects.
struct SeededNumbers {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// The error `body` throws, as text; empty when it throws nothing (so a check on it fails).
func refusal(_ body: () throws -> Void) -> String {
    do {
        try body()
        return ""
    } catch {
        return "\(error)"
    }
}
