import Foundation

/// One subject of a dataset as a node's file gave it, after pseudonymisation: the raw id is gone
/// (replaced by `pseudonym`, an HMAC with the node's secret) before this value exists.
public struct RawSubject: Codable, Hashable, Sendable {
    /// 64 hex digits: HMAC-SHA256 of the subject's id under the node's secret.
    public var pseudonym: String
    public var sex: String?
    /// Age at diagnosis in whole years, 0–130.
    public var ageAtDiagnosis: Int?
    public var diagnoses: [String]
    public var modalities: [String]
    public var bodySites: [String]

    public init(pseudonym: String, sex: String? = nil, ageAtDiagnosis: Int? = nil, diagnoses: [String] = [],
                modalities: [String] = [], bodySites: [String] = []) {
        self.pseudonym = pseudonym
        self.sex = sex
        self.ageAtDiagnosis = ageAtDiagnosis
        self.diagnoses = diagnoses
        self.modalities = modalities
        self.bodySites = bodySites
    }
}

/// A subject's values mapped onto the vocabularies' concepts (IRIs), as the cohort index holds them.
public struct NormalisedSubject: Codable, Hashable, Sendable {
    /// The sex concept (the EUCAIM sex scheme), nil when not given or not mapped.
    public var sex: String?
    /// The age band's lower bound (0, 10, …, 90; 90 stands for 90 and over), nil when no age.
    public var ageBand: Int?
    public var cancerTypes: [String]
    public var modalities: [String]
    public var bodySites: [String]
    /// Values that mapped to no concept, per field (`cancerType`, `modality`, `bodySite`, `sex`).
    public var unmapped: [UnmappedValue]

    public init(sex: String? = nil, ageBand: Int? = nil, cancerTypes: [String] = [], modalities: [String] = [],
                bodySites: [String] = [], unmapped: [UnmappedValue] = []) {
        self.sex = sex
        self.ageBand = ageBand
        self.cancerTypes = cancerTypes
        self.modalities = modalities
        self.bodySites = bodySites
        self.unmapped = unmapped
    }

    /// The band of an age: whole decades, 90 and over in one.
    public static func band(ofAge age: Int) -> Int { min(max(age, 0) / 10 * 10, 90) }
}

/// A subject as stored: the raw values (kept for re-normalising after a vocabulary edit) and
/// the normalised ones.
public struct StoredSubject: Hashable, Sendable {
    public var raw: RawSubject
    public var normalised: NormalisedSubject

    public init(raw: RawSubject, normalised: NormalisedSubject) {
        self.raw = raw
        self.normalised = normalised
    }
}

/// What the store knows of one dataset's subjects: when they were loaded, how many, from where.
public struct SubjectImportSummary: Codable, Hashable, Sendable {
    public var dataset: DatasetKey
    public var subjects: Int
    public var source: String
    public var importedAt: Date
    /// SHA-256 of the file's bytes: an import of the same file again changes nothing.
    public var contentHash: String

    public init(dataset: DatasetKey, subjects: Int, source: String, importedAt: Date, contentHash: String) {
        self.dataset = dataset
        self.subjects = subjects
        self.source = source
        self.importedAt = importedAt
        self.contentHash = contentHash
    }
}
