import CatalogueModel
import Testing
@testable import Vocabulary

@Suite struct NormaliserTests {
    let normaliser = Normaliser(vocabulary: Shipped.vocabulary)

    private func dataset(conditions: [RawValue] = [], modalities: [RawValue] = [], bodyParts: [RawValue] = [],
                         access: RawValue? = nil) -> NormalisedDataset {
        var raw = RawDataset(identifier: "d1")
        raw.conditions = conditions
        raw.modalities = modalities
        raw.bodyParts = bodyParts
        raw.accessRights = access
        return normaliser.normalise(raw, node: "n1")
    }

    private func concepts(_ value: RawValue, _ scheme: ConceptScheme) -> [String] {
        switch scheme {
        case .cancerType: dataset(conditions: [value]).concepts(.cancerType)
        case .modality: dataset(modalities: [value]).concepts(.modality)
        case .bodySite: dataset(bodyParts: [value]).concepts(.bodySite)
        default: []
        }
    }

    @Test(arguments: [
        ("NSCLC", "nsclc"), ("Breast Ca", "breast-cancer"), ("C50", "breast-cancer"), ("C61", "prostate-cancer"),
        ("C34.9", "lung-cancer"), ("C509", "breast-cancer"), ("GBM", "glioblastoma"), ("ICD-10: C81", "hodgkin-lymphoma"),
        ("Lungenkrebs", "lung-cancer"), ("head & neck", "head-neck-cancer"), ("Prostate", "prostate-cancer"),
        ("8520/3", "invasive-lobular-carcinoma"), ("M-8520/3", "invasive-lobular-carcinoma"), ("85203", "invasive-lobular-carcinoma"), ("ncit:C4878", "lung-cancer"),
    ])
    func mapsCancerTypeLiterals(value: String, expected: String) {
        #expect(concepts(.literal(value), .cancerType) == [Shipped.ct(expected)])
    }

    @Test(arguments: [
        ("https://cancerimage.eu/ontology/EUCAIM#CLIN1000060", "breast-cancer"),
        ("https://hyperontology.eucaim.cancerimage.eu/#CLIN1000060", "breast-cancer"),
        ("http://snomed.info/id/254637007", "nsclc"),
        ("http://purl.obolibrary.org/obo/NCIT_C4863", "prostate-cancer"),
        ("https://w3id.org/imaging-catalogue/vocab/cancer-type/glioma", "glioma"),
    ])
    func mapsCancerTypeIRIs(iri: String, expected: String) {
        #expect(concepts(.iri(iri), .cancerType) == [Shipped.ct(expected)])
    }

    @Test(arguments: [
        ("PET/CT", ["pet-ct"]), ("MR", ["mr"]), ("MRI", ["mr"]), ("pet-ct", ["pet-ct"]),
        ("PT, CT, SEG", ["pet", "ct", "segmentation"]), ("MRI; DWI", ["mr-dwi"]),
    ])
    func mapsModalitiesIncludingLists(value: String, expected: [String]) {
        #expect(Set(concepts(.literal(value), .modality)) == Set(expected.map(Shipped.mod)))
    }

    @Test(arguments: [
        ("Thorax", "chest"), ("Mamma", "breast"), ("CHESTABDPELVIS", "chest-abdomen-pelvis"), ("BREAST", "breast"),
        ("left breast", "breast"), ("Próstata", "prostate"), ("HEADNECK", "head-and-neck"),
    ])
    func mapsBodySites(value: String, expected: String) {
        #expect(concepts(.literal(value), .bodySite) == [Shipped.bs(expected)])
    }

    /// A morphology code without a site is ambiguous ("8500/3": ductal carcinoma of breast or of
    /// pancreas): it maps to every concept carrying it rather than guessing.
    @Test func aMorphologyCodeAloneMapsToTheMorphologyConcept() {
        #expect(concepts(.literal("8500/3"), .cancerType) == [Shipped.ct("ductal-carcinoma")])
    }

    @Test func recordsHowEachValueWasMapped() {
        let result = dataset(conditions: [.literal("NSCLC")], modalities: [.literal("PT, CT")],
                             bodyParts: [.iri("http://snomed.info/id/39607008")])
        #expect(result.cancerTypes.first?.method == .code)
        #expect(result.modalities.allSatisfy { $0.method == .split && $0.value == "PT, CT" })
        #expect(result.modalities.map(\.matched) == ["PT", "CT"])
        #expect(result.bodySites.first?.method == .iri)
        #expect(dataset(conditions: [.literal("Lung carcinoma")]).cancerTypes.first?.method == .label)
    }

    @Test func keepsUnmappedValuesAndReportsThem() {
        let result = dataset(conditions: [.literal("Gliobastoma")], modalities: [.literal("MR, Siemens Magnetom")],
                             bodyParts: [.literal("Pelvis^Masculin")])
        #expect(result.cancerTypes.isEmpty)
        #expect(result.modalities.map(\.concept) == [Shipped.mod("mr")])
        #expect(result.bodySites.map(\.concept) == [Shipped.bs("pelvis")])
        #expect(Set(result.unmapped) == [
            UnmappedValue(field: "cancerType", value: "Gliobastoma"),
            UnmappedValue(field: "modality", value: "Siemens Magnetom"),
            UnmappedValue(field: "bodySite", value: "Masculin"),
        ])
    }

    @Test func keepsOnlyTheMostSpecificConceptsOfAField() {
        let result = dataset(conditions: [.literal("Lung cancer"), .literal("NSCLC"), .literal("LUAD")])
        #expect(result.concepts(.cancerType) == [Shipped.ct("lung-adenocarcinoma")])
    }

    @Test func matchesShortCodesOnlyInTheirOwnField() {
        #expect(concepts(.literal("MR"), .cancerType).isEmpty)
        #expect(concepts(.literal("CT"), .bodySite).isEmpty)
    }

    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/access-right/PUBLIC", "PUBLIC"),
        ("public", "PUBLIC"), ("Restricted", "RESTRICTED"), ("BY_REQUEST", "RESTRICTED"), ("non-public", "NON_PUBLIC"),
    ])
    func normalisesAccessRights(value: String, expected: String) {
        let raw: RawValue = value.hasPrefix("http") ? .iri(value) : .literal(value)
        #expect(dataset(access: raw).accessRights == expected)
    }

    @Test func keepsUnknownAccessRightsAsUnmapped() {
        let result = dataset(access: .literal("ask the PI"))
        #expect(result.accessRights == nil)
        #expect(result.unmapped == [UnmappedValue(field: "accessRights", value: "ask the PI")])
    }

    @Test func readsISODatesAndCopiesTheRecord() {
        var raw = RawDataset(identifier: "d2", iri: "https://e.org/d2")
        raw.titles = [LangString("Titel", language: "de"), LangString("Title", language: "en")]
        raw.modified = "2012-05-10T21:04"
        raw.issued = "last spring"
        raw.subjects = 12
        let result = normaliser.normalise(raw, node: "n9")
        #expect(result.title == "Title")
        #expect(result.modified == "2012-05-10")
        #expect(result.issued == nil)
        #expect(result.subjects == 12)
        #expect(result.node == "n9" && result.id == "d2")
    }
}
