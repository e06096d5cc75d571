import CatalogueModel
import Vocabulary

/// Maps a subject's values onto the concepts with the same normaliser as datasets: the values go
/// through it as a record of one subject (its conditions, modalities, body parts and birth sex),
/// so codes, labels in any language, lists and morphology-with-site work exactly as for
/// datasets, and a curator's edit reaches subjects and datasets alike.
public struct SubjectNormaliser: Sendable {
    let normaliser: Normaliser

    public init(vocabulary: Vocabulary) {
        normaliser = Normaliser(vocabulary: vocabulary)
    }

    static let sexProperty = "https://cancerimage.eu/ontology/EUCAIM#hasBirthSex"

    public func normalise(_ subject: RawSubject) -> NormalisedSubject {
        var record = RawDataset(identifier: "subject")
        record.conditions = subject.diagnoses.map { .literal($0) }
        record.modalities = subject.modalities.map { .literal($0) }
        record.bodyParts = subject.bodySites.map { .literal($0) }
        if let sex = subject.sex { record.otherProperties[Self.sexProperty] = [.literal(sex)] }
        let mapped = normaliser.normalise(record, node: "subjects")
        return NormalisedSubject(
            sex: mapped.codeLists[.sex]?.first?.concept,
            ageBand: subject.ageAtDiagnosis.map(NormalisedSubject.band(ofAge:)),
            cancerTypes: mapped.cancerTypes.map(\.concept),
            modalities: mapped.modalities.map(\.concept),
            bodySites: mapped.bodySites.map(\.concept),
            unmapped: mapped.unmapped)
    }
}
