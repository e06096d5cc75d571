import CatalogueModel
import Testing

/// `FIELD=VALUE` filter syntax, checked without a catalogue: fields, IRIs, and codes well-formed
/// for their system.
@Suite struct SearchFilterTests {
    @Test func parsesFieldsInAnyCaseAndCanonicalisesCodes() throws {
        let filter = try SearchFilter.parse(" CancerType = icd10:c509 ")
        #expect(filter.field == .cancerType)
        #expect(filter.value == "icd10:c509")
        #expect(filter.parsed == .code(.icd10, "C50.9"))
        #expect(try SearchFilter.parse("modality=DICOM:mr").parsed == .code(.dicom, "MR"))
        #expect(try SearchFilter.parse("cancerType=icdo3:M-8140/3").parsed == .code(.icdo3, "8140/3"))
        #expect(try SearchFilter.parse("node=nl-test").parsed == .name("nl-test"))
        let iri = "https://w3id.org/imaging-catalogue/vocab/cancer-type/lung-cancer"
        #expect(try SearchFilter.parse("cancerType=\(iri)").parsed == .iri(iri))
    }

    @Test func acceptsTheWellFormedCodesOfEverySystem() throws {
        for value in ["icd10:C34", "icd10:C34.9", "icd10:C00-C14", "icd10:D05.1", "icdo3:C50.9", "icdo3:8140/3",
                      "ncit:C4878", "oncotree:NSCLC", "oncotree:head_neck", "dicom:MR", "dicom:CHESTABDPELVIS",
                      "snomed:254637007", "eucaim:CLIN1000060", "uberon:0002048", "icd-10:C61", "sct:254637007"] {
            #expect(throws: Never.self, "\(value)") { try SearchFilter.parse("cancerType=\(value)") }
        }
    }

    @Test func refusesMalformedCodesNamingTheSystemsShape() {
        let cases: [(value: String, system: CodeSystem)] = [
            ("icd10:C34x", .icd10), ("icd10:C3", .icd10), ("icd10:34.9", .icd10), ("icd10:C34.", .icd10),
            ("dicom:", .dicom), ("dicom:PET/CT", .dicom), ("oncotree:lung cancer", .oncotree), ("ncit:4878", .ncit),
            ("icdo3:8140", .icdo3), ("icdo3:D05.1", .icdo3), ("snomed:0123456", .snomed), ("eucaim:CLIN", .eucaim),
            ("uberon:UBERON_0002048", .uberon),
        ]
        for (value, system) in cases {
            let error = #expect(throws: SearchFilterError.self, "\(value)") { try SearchFilter.parse("cancerType=\(value)") }
            #expect(error == .malformedCode(field: .cancerType, value: value, system: system), "\(value)")
            #expect(error?.reason.contains(system.wellFormedShape) == true)
            #expect(error?.description.hasPrefix("filter cancerType=\(value): '\(value)' is not a well-formed") == true)
        }
    }

    @Test func refusesWhatIsNotFieldEqualsValue() {
        for filter in ["cancerType", "=icd10:C34", "cancerType=", "cancerType =  ", ""] {
            #expect(throws: SearchFilterError.notFieldEqualsValue(filter)) { try SearchFilter.parse(filter) }
        }
        #expect(throws: SearchFilterError.unknownField("organ")) { try SearchFilter.parse("organ=lung") }
    }

    @Test func refusesConceptValuesThatAreNoReference() {
        #expect(throws: SearchFilterError.notAConceptReference(field: .bodySite, value: "lung")) { try SearchFilter.parse("bodySite=lung") }
        #expect(throws: SearchFilterError.notAConceptReference(field: .bodySite, value: ":C34")) { try SearchFilter.parse("bodySite=:C34") }
        #expect(throws: SearchFilterError.unknownCodeSystem(field: .modality, value: "radlex:RID10312", system: "radlex")) {
            try SearchFilter.parse("modality=radlex:RID10312")
        }
    }
}
