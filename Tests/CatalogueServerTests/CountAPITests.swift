import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CohortCounts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Cohort counts over the API")
struct CountAPITests {
    @Test func aResearcherGetsReleasedCountsAndTheSameAnswerAsTheCLI() async throws {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        let secret = try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let expected = try engine.countSubjects([("sex", "female"), ("cancerType", "icd10:C34")])
        try await fixture.withServer { client in
            let response = try await client.execute(
                uri: "/api/v1/counts", method: .post, headers: .json(bearer: secret),
                body: ByteBuffer(json: #"{"filters": {"cancerType": "icd10:C34", "sex": "female"}}"#))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let answer = try response.decoded(CohortAnswer.self)
            #expect(answer == expected)
            let value = try #require(answer.datasets.first?.subjects.releasedValue)
            #expect(abs(value - 60) <= 15 && value % 10 == 0)
            #expect(!String(buffer: response.body).contains("\"60\"") || value == 60)
            let sizes = try await client.execute(uri: "/api/v1/counts", method: .get)
            #expect(try sizes.decoded(CohortAnswer.self).query == "")
        }
    }

    @Test(arguments: [
        (#"{"filters": {"sex": "!female"}}"#, "no negation", "filters.sex"),
        (#"{"filters": {"age": "45-64"}}"#, "whole 10-year bands", "filters.age"),
        (#"{"filters": {"subject": "NL-1"}}"#, "never filtered by subject", "filters.subject"),
        (#"{"filters": {"sex": 1}}"#, "filters.sex", "filters.sex"),
        (#"{"filters": {"sex": "female"}, "q": "lung"}"#, "unknown member 'q'", "q"),
    ])
    func aQueryOutsideTheLanguageIs400NamingTheFilter(body: String, reason: String, parameter: String) async throws {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        let secret = try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/counts", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
            #expect(response.status == .badRequest)
            #expect((response.object["detail"] as? String)?.contains(reason) == true, "\(String(buffer: response.body))")
            #expect(response.object["parameter"] as? String == parameter)
        }
    }

    @Test func theEleventhCountInAMinuteIs429AndRepeatsCountToo() async throws {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        let secret = try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        let other = try engine.createToken(name: "ben", role: .researcher, expiresIn: nil).secret
        try await fixture.withServer { client in
            let body = #"{"filters": {"sex": "female"}}"#
            for _ in 0..<10 {
                let response = try await client.execute(uri: "/api/v1/counts", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
                #expect(response.status == .ok)
            }
            let refused = try await client.execute(uri: "/api/v1/counts", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter].flatMap { Int($0) }.map { (1...60).contains($0) } == true)
            let someoneElse = try await client.execute(uri: "/api/v1/counts", method: .post, headers: .json(bearer: other), body: ByteBuffer(json: body))
            #expect(someoneElse.status == .ok)
        }
    }
}
