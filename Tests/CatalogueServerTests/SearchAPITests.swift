import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Search API")
struct SearchAPITests {
    @Test func searchAnswersWhatTheEngineAnswersForTheSameQuery() async throws {
        let fixture = try ServerFixture()
        let expected = try fixture.engine().search(SearchQuery(text: "lung", filters: ["modality=dicom:CT"], sort: .subjects))
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/datasets?q=lung&modality=dicom:CT&sort=subjects", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(try response.decoded(SearchResponse.self) == expected)
            #expect(expected.total == 2)
        }
    }

    @Test func repeatedFilterFieldOrsItsValues() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let both = try await client.execute(uri: "/api/v1/datasets?bodySite=https://w3id.org/imaging-catalogue/vocab/body-site/lung&bodySite=https://w3id.org/imaging-catalogue/vocab/body-site/breast", method: .get)
            let lung = try await client.execute(uri: "/api/v1/datasets?bodySite=https://w3id.org/imaging-catalogue/vocab/body-site/lung", method: .get)
            #expect(both.status == .ok)
            #expect(try both.decoded(SearchResponse.self).total > lung.decoded(SearchResponse.self).total)
        }
    }

    @Test func accessRightsFilterReadsTheSpellingsTheNormaliserReads() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let open = try await client.execute(uri: "/api/v1/datasets?accessRights=open", method: .get)
            let code = try await client.execute(uri: "/api/v1/datasets?accessRights=PUBLIC", method: .get)
            #expect(open.status == .ok)
            #expect(try open.decoded(SearchResponse.self).datasets.map(\.id) == code.decoded(SearchResponse.self).datasets.map(\.id))
            #expect(try open.decoded(SearchResponse.self).total == 2)
        }
    }

    @Test(arguments: [
        ("colour=red", "colour"), ("q=lung&q=breast", "q"), ("page=0", "page"), ("page=abc", "page"),
        ("perPage=1001", "perPage"), ("perPage=-1", "perPage"), ("page=1000&perPage=1000", "page"),
        ("sort=newest", "sort"), ("cancerType=icd10:C34x", "cancerType"), ("modality=nosuch:MR", "modality"),
        ("node=xx-unknown", "node"), ("accessRights=sometimes", "accessRights"),
        ("page=9223372036854775807", "page"),
    ])
    func badQueryIsA400ProblemNamingTheParameter(query: String, parameter: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/datasets?\(query)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = response.object
            #expect(problem["status"] as? Int == 400)
            #expect(problem["parameter"] as? String == parameter)
            #expect((problem["detail"] as? String)?.isEmpty == false)
        }
    }

    @Test func problemDetailIsTheSentenceTheCLIPrints() async throws {
        let fixture = try ServerFixture()
        let engineError = #expect(throws: CatalogueEngineError.self) {
            try fixture.engine().search(SearchQuery(filters: ["cancerType=icd10:C34x"]))
        }
        let sentence = try #require(engineError.map { ErrorSentence.message(for: $0) })
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/datasets?cancerType=icd10:C34x", method: .get)
            #expect(response.object["detail"] as? String == sentence)
        }
    }

    @Test func searchTextOutsideTheGrammarIsRefusedAsQ() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let tooLong = String(repeating: "a", count: 1_001)
            let response = try await client.execute(uri: "/api/v1/datasets?q=\(tooLong)", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.object["parameter"] as? String == "q")
        }
    }
}
