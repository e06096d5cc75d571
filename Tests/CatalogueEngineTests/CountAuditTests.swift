import CatalogueEngine
import CatalogueModel
import CatalogueStore
import CatalogueTesting
import Foundation
import GRDB
import Testing

@Suite("The count audit log")
struct CountAuditTests {
    static let dataset = DatasetKey(node: "nl-test", id: "ds-breast")

    func catalogueWithSubjects() throws -> EngineFixture {
        let fixture = try EngineFixture()
        _ = try fixture.catalogue.importSubjects(try SubjectCountTests.subjectFile(in: fixture.folder), dataset: Self.dataset)
        return fixture
    }

    @Test func everyCountIsLoggedWithItsExactFiguresAndARefinementIsFlagged() throws {
        let fixture = try catalogueWithSubjects()
        _ = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50")], user: "ana")
        // The 125 with breast cancer, then the 120 women among them: one filter more, 5 fewer.
        _ = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50"), ("sex", "female")], user: "ana")
        // Another user's query is not compared with ana's.
        _ = try fixture.catalogue.countSubjects([("cancerType", "icd10:C50"), ("sex", "male")], user: "ben")
        let log = try CountAuditLog(path: fixture.catalogue.configuration.countAuditPath.path)
        let entries = try log.allEntries()
        #expect(entries.map(\.user) == ["ana", "ana", "ben"])
        #expect(entries[0].figures.first { $0.dataset == Self.dataset.description }?.exact == 125)
        #expect(entries[1].figures.first { $0.dataset == Self.dataset.description }?.exact == 120)
        #expect(entries.map(\.refinement) == [false, true, false])
        #expect(entries[1].figures.first { $0.dataset == Self.dataset.description }?.flags.contains("refinement") == true)
        #expect(entries[2].figures.first { $0.dataset == Self.dataset.description }?.flags.contains("suppressed") == true)
        #expect(entries[1].query.hasPrefix("cancerType=") && entries[1].query.contains("&sex="))
        let verification = try fixture.catalogue.verifyCountAudit()
        #expect(verification.rows == 3 && verification.firstBrokenRow == nil)
    }

    @Test func aChangedRowIsFoundByVerifyWhichNamesIt() throws {
        let fixture = try catalogueWithSubjects()
        for user in ["a", "b", "c", "d"] { _ = try fixture.catalogue.countSubjects([("sex", "female")], user: user) }
        let path = fixture.catalogue.configuration.countAuditPath.path
        let queue = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE countAudit SET user = 'x' WHERE id = 2") } }
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER countAudit_no_update")
            try db.execute(sql: "UPDATE countAudit SET figures = replace(figures, '\"exact\":195', '\"exact\":194') WHERE id = 3")
        }
        #expect(try CountAuditLog(path: path).verify() == .init(rows: 3, firstBrokenRow: 3))
        let run = try CatalogueBinary.run(["audit", "verify", "--home", fixture.catalogue.configuration.home.path])
        #expect(run.status == 1 && run.standardError.contains("broken at row 3"), "\(run.standardError)")
    }
}
