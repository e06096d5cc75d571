import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import CohortCounts

@Suite("Subject files")
struct SubjectFileReaderTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let folder = try ProjectPaths.temporaryDirectory("subjects")
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func aCSVFileIsReadWithPseudonymsInsteadOfIds() throws {
        let file = try write("""
            subject,sex,age_at_diagnosis,diagnosis,modality,body_site
            P-001,F,54,Invasive ductal carcinoma;C50.9,MR;MG,BREAST
            "P-002",M,71,"Lung adenocarcinoma",CT,
            P-003,,,,,
            """, "subjects.csv")
        let subjects = try SubjectFileReader(secret: CohortTestSupport.secret).read(file)
        #expect(subjects.count == 3)
        #expect(subjects[0].pseudonym == CohortTestSupport.secret.pseudonym(of: "P-001"))
        #expect(subjects[0].pseudonym.count == 64 && !subjects[0].pseudonym.contains("P-001"))
        #expect(subjects[0].diagnoses == ["Invasive ductal carcinoma", "C50.9"] && subjects[0].modalities == ["MR", "MG"])
        #expect(subjects[1].ageAtDiagnosis == 71 && subjects[1].bodySites.isEmpty)
        #expect(subjects[2].sex == nil && subjects[2].ageAtDiagnosis == nil)
    }

    @Test func aFileWithBadRowsIsRefusedWholeNamingRowColumnAndReasonButNoId() throws {
        let file = try write("""
            subject,sex,age_at_diagnosis,diagnosis,modality,body_site
            SECRET-ID-1,F,54,C50,MR,
            SECRET-ID-2,F,abc,C50,MR,
            ,F,50,C50,MR,
            SECRET-ID-1,M,60,C34,CT,
            SECRET-ID-5,F,131,C50,MR,
            """, "bad.csv")
        let text = refusal { _ = try SubjectFileReader(secret: CohortTestSupport.secret).read(file) }
        #expect(text.contains("4 problems") && text.contains("row 2 (line 3), column age_at_diagnosis: 'abc'")
                && text.contains("row 3 (line 4), column subject: the subject id is missing")
                && text.contains("row 4 (line 5), column subject: the same subject id as row 1")
                && text.contains("row 5 (line 6), column age_at_diagnosis") && !text.contains("SECRET-ID"), "\(text)")
    }

    @Test(arguments: [
        ("subject,sex\n\"P-1,F\n", "never closed"),
        ("subject,sex\nP-1,F,extra\n", "line 2: the row has 3 fields"),
        ("subject,sex,colour\nP-1,F,blue\n", "'colour' that is not a subject field"),
        ("sex\nF\n", "no column 'subject'"),
        ("subject,sex\n", "holds no subject"),
        ("subject,sex\nP\"1,F\n", "a quote inside an unquoted field"),
    ])
    func aMalformedCSVFileIsRefusedWithItsLine(text: String, reason: String) throws {
        let file = try write(text, "malformed.csv")
        #expect(refusal { _ = try SubjectFileReader(secret: CohortTestSupport.secret).read(file) }.contains(reason))
    }

    @Test func aMappingNamesTheColumnsOfAJSONFile() throws {
        let mappingFile = try write("""
            {"columns": {"subject": "PatientID", "sex": "Gender", "ageAtDiagnosis": "AgeDx",
                         "diagnoses": {"column": "Dx", "split": "|"}, "modalities": "Mods"},
             "records": "patients"}
            """, "mapping.json")
        let file = try write("""
            {"patients": [{"PatientID": "A1", "Gender": "female", "AgeDx": 48, "Dx": "C50|D05", "Mods": ["MR", "US"]},
                          {"PatientID": "A2", "Gender": "male", "AgeDx": null, "Mods": "CT"}]}
            """, "subjects.json")
        let subjects = try SubjectFileReader(mapping: try SubjectMapping.load(mappingFile), secret: CohortTestSupport.secret).read(file)
        #expect(subjects.map(\.ageAtDiagnosis) == [48, nil])
        #expect(subjects[0].diagnoses == ["C50", "D05"] && subjects[0].modalities == ["MR", "US"] && subjects[1].modalities == ["CT"])
    }

    @Test func aMappingWithAnUnknownKeyOrFieldIsRefused() throws {
        let unknownField = try write(#"{"columns": {"subject": "id", "weight": "kg"}}"#, "m1.json")
        #expect(refusal { _ = try SubjectMapping.load(unknownField) }.contains("'columns.weight' is not a subject field"))
        let noSubject = try write(#"{"columns": {"sex": "s"}}"#, "m2.json")
        #expect(refusal { _ = try SubjectMapping.load(noSubject) }.contains("'columns.subject' is required"))
    }
}
