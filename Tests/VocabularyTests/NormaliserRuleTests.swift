import CatalogueModel
import Testing
@testable import Vocabulary

/// What real catalogues write, rule by rule, and the method each mapping records.
@Suite struct NormaliserRuleTests {
    let normaliser = Normaliser(vocabulary: Shipped.vocabulary)

    private func normalise(
        conditions: [String] = [], modalities: [String] = [], bodyParts: [String] = [], title: String? = nil, keywords: [String] = []
    ) -> NormalisedDataset {
        var raw = RawDataset(identifier: "d1")
        raw.conditions = conditions.map { .literal($0) }
        raw.modalities = modalities.map { .literal($0) }
        raw.bodyParts = bodyParts.map { .literal($0) }
        raw.titles = title.map { [LangString($0, language: "en")] } ?? []
        raw.keywords = keywords.map { LangString($0, language: "en") }
        return normaliser.normalise(raw, node: "n")
    }

    private func cancer(_ value: String, title: String? = nil, bodyParts: [String] = []) -> Set<String> {
        Set(normalise(conditions: [value], bodyParts: bodyParts, title: title).concepts(.cancerType))
    }

    @Test(arguments: [
        ("HCC", "hepatocellular-carcinoma"), ("GBM", "glioblastoma"), ("HNSCC", "hnscc"), ("ccRCC", "clear-cell-rcc"),
        ("LGG", "low-grade-glioma"), ("Sarcomas", "sarcoma"), ("Lung Cancers", "lung-cancer"), ("Carcinoma, Hepatocellular", "hepatocellular-carcinoma"),
        ("Cancer, Lung", "lung-cancer"), ("Adenocarcinoma, NOS", "adenocarcinoma"), ("Liver tumour", "liver-cancer"),
        ("Non-small Cell Lung Cancer", "nsclc"), ("Lung Cancer (NSCLC)", "lung-cancer"), ("Neuroblastoma", "neuroblastoma"),
        ("Multiples Myelom", "multiple-myeloma"), ("Cancro do pulmão", "lung-cancer"), ("Lungs", "lung-cancer"),
    ])
    func readsAbbreviationsPluralsWordOrderAndOtherLanguages(value: String, expected: String) {
        #expect(cancer(value) == [Shipped.ct(expected)], "\(value)")
    }

    @Test func splitsListsWrittenInOneValue() {
        #expect(cancer("Prostate, Anal") == [Shipped.ct("prostate-cancer"), Shipped.ct("anal-cancer")])
        #expect(cancer("Leukemia, Multiple Myeloma") == [Shipped.ct("leukaemia"), Shipped.ct("multiple-myeloma")])
        let modalities = normalise(modalities: ["PT, CT, SEG"]).modalities
        #expect(modalities.map(\.concept) == [Shipped.mod("pet"), Shipped.mod("ct"), Shipped.mod("segmentation")])
        #expect(modalities.allSatisfy { $0.method == .split && $0.value == "PT, CT, SEG" })
        #expect(normalise(modalities: ["FDG-PET/CT"]).concepts(.modality) == [Shipped.mod("pet-ct")])
    }

    @Test func readsAMorphologyWithTheDatasetsSite() {
        let lung = normalise(conditions: ["Squamous Cell Carcinoma"], bodyParts: ["Lung"]).cancerTypes
        #expect(lung.map(\.concept) == [Shipped.ct("lung-squamous-cell-carcinoma")])
        #expect(lung.first?.method == .context && lung.first?.via == "site: Lung")
        #expect(cancer("Adenocarcinoma", title: "Prostate MRI before biopsy") == [Shipped.ct("prostate-adenocarcinoma")])
        #expect(cancer("8140/3", bodyParts: ["LUNG"]) == [Shipped.ct("lung-adenocarcinoma")])
        #expect(cancer("Adenocarcinoma, Lung Cancer") == [Shipped.ct("lung-adenocarcinoma")])
        // Alone, or with a site that has no such subtype, it stays the morphology.
        #expect(cancer("Squamous cell carcinoma") == [Shipped.ct("squamous-cell-carcinoma")])
        #expect(cancer("Adenocarcinoma", bodyParts: ["Brain"]) == [Shipped.ct("adenocarcinoma")])
        #expect(cancer("8500/3") == [Shipped.ct("ductal-carcinoma")])
        #expect(cancer("8500/3", bodyParts: ["Breast"]) == [Shipped.ct("invasive-ductal-carcinoma")])
        #expect(cancer("Ductal carcinoma", bodyParts: ["Pancreas"]) == [Shipped.ct("pdac")])
        #expect(cancer("Adenocarcinoma", bodyParts: ["Colon"]) == [Shipped.ct("colon-adenocarcinoma")], "a range is a site too")
        #expect(cancer("Liver Hepatocellular Carcinoma") == [Shipped.ct("hepatocellular-carcinoma")], "an organ before a type that names it")
    }

    @Test func explicitNonCancerContentIsNotACancer() {
        for value in ["COVID-19 (non-cancer)", "Healthy controls", "Phantom", "Normal (non-cancer)"] {
            #expect(cancer(value) == [Shipped.ct("non-cancer")], "\(value)")
        }
        #expect(cancer("Pancreatic cancer; healthy controls") == [Shipped.ct("pancreatic-cancer"), Shipped.ct("non-cancer")])
    }

    @Test(arguments: [
        ("MRI", "mr"), ("PET", "pet"), ("Pathology", "slide-microscopy"), ("DBT", "dbt"), ("mpMRI", "mp-mri"), ("MG", "mammography"),
        ("Histopathology", "slide-microscopy"), ("X-ray", "radiography"), ("18F-FDG PET", "pet"), ("RTSTRUCT", "rtstruct"),
    ])
    func readsDICOMCodesAndCommonSpellings(value: String, expected: String) {
        #expect(normalise(modalities: [value]).concepts(.modality) == [Shipped.mod(expected)], "\(value)")
    }

    @Test func aDigitalBreastTomosynthesisIsAKindOfMammography() {
        #expect(Shipped.vocabulary.ancestors(of: Shipped.mod("dbt")).contains(Shipped.mod("mammography")))
    }

    @Test func usesKeywordsThenTheTitleWhenStructuredValuesAreMissing() {
        let byKeyword = normalise(keywords: ["radiomics", "NSCLC"])
        #expect(byKeyword.cancerTypes.map(\.concept) == [Shipped.ct("nsclc")])
        #expect(byKeyword.cancerTypes.first?.method == .keyword && byKeyword.cancerTypes.first?.value == "NSCLC")
        let byTitle = normalise(title: "Glioblastoma MRI with FLAIR and T1 post-contrast")
        #expect(byTitle.cancerTypes.map(\.concept) == [Shipped.ct("glioblastoma")])
        #expect(byTitle.cancerTypes.first?.method == .title && byTitle.cancerTypes.first?.matched == "Glioblastoma")
        #expect(Set(byTitle.concepts(.modality)) == [Shipped.mod("mr-t1w"), Shipped.mod("mr-flair")], "MRI is covered by its subtypes")
        // Structured values win: the title is not read when the property mapped.
        #expect(normalise(conditions: ["Breast cancer"], title: "Lung cancer screening").concepts(.cancerType) == [Shipped.ct("breast-cancer")])
        #expect(normalise(title: "CT of the abdomen").concepts(.modality) == [Shipped.mod("ct")], "short labels only when written in capitals")
        #expect(normalise(title: "Act of parliament").concepts(.modality).isEmpty)
    }

    @Test func mapsTheEUCAIMCodeLists() {
        var raw = RawDataset(identifier: "d1")
        raw.interoperabilityLevel = .iri("https://cancerimage.eu/ontology/EUCAIM#SPEC1000011")
        raw.otherProperties = [
            "https://cancerimage.eu/ontology/EUCAIM#hasBirthSex": [.iri("https://cancerimage.eu/ontology/EUCAIM#COM1001370"), .literal("male")],
            "http://purl.org/dc/terms/type": [.literal("Annotated")],
            "https://cancerimage.eu/ontology/EUCAIM#collectionMethod": [.literal("Case-control")],
        ]
        let dataset = normaliser.normalise(raw, node: "n")
        let base = "https://w3id.org/imaging-catalogue/vocab/"
        #expect(dataset.concepts(.tier) == [base + "eucaim-tier/tier-2"])
        #expect(dataset.concepts(.sex) == [base + "eucaim-sex/female", base + "eucaim-sex/male"])
        #expect(dataset.concepts(.datasetType) == [base + "eucaim-dataset-type/annotated"])
        #expect(dataset.concepts(.collectionMethod) == [base + "eucaim-collection-method/case-control"])
    }

    @Test func aValueNamingADeprecatedConceptGoesToItsReplacement() throws {
        let change = try Shipped.vocabulary.applying(.deprecate(concept: Shipped.ct("sclc"), replacement: Shipped.ct("lung-cancer")))
        var raw = RawDataset(identifier: "d1")
        raw.conditions = [.literal("SCLC")]
        let mapping = try #require(Normaliser(vocabulary: change.vocabulary).normalise(raw, node: "n").cancerTypes.first)
        #expect(mapping.concept == Shipped.ct("lung-cancer") && mapping.via == "replaces deprecated \(Shipped.ct("sclc"))")
    }

    @Test func theLookupsOfAnAffectedDatasetMeetTheKeysTheEditChanged() throws {
        var raw = RawDataset(identifier: "d1")
        raw.conditions = [.literal("Thymic carcinoma")]
        let before = normaliser.normaliseRecordingProbes(raw, node: "n")
        #expect(before.dataset.cancerTypes.isEmpty)
        let change = try Shipped.vocabulary.applying(.addConcept(
            scheme: .cancerType, id: "thymic-carcinoma", prefLabel: LangString("Thymic carcinoma", language: "en"), broader: [Shipped.ct("cancer")]))
        #expect(!before.probes.isDisjoint(with: change.changedKeys))
        var unrelated = RawDataset(identifier: "d2")
        unrelated.conditions = [.literal("Breast cancer")]
        #expect(normaliser.normaliseRecordingProbes(unrelated, node: "n").probes.isDisjoint(with: change.changedKeys))
    }
}
