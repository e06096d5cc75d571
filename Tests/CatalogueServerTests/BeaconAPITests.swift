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

/// The Beacon v2 endpoints answer counts through the same parser, policy and audit log as the
/// native count route. (Their documents are validated against the Beacon v2 JSON schemas by
/// `scripts/api-conformance.sh`, which `make test` runs against a live server.)
@Suite("Beacon v2 counts")
struct BeaconAPITests {
    /// Lung cancer subjects of `nl-test/ds-nsclc`: 60 women, 40 men, aged 40–79.
    static func fixtureWithSubjects() throws -> (ServerFixture, CatalogueService, String) {
        let fixture = try ServerFixture()
        let engine = try fixture.engine()
        _ = try engine.importSubjects(try fixture.writeSubjects(), dataset: DatasetKey(node: "nl-test", id: "ds-nsclc"))
        let secret = try engine.createToken(name: "ana", role: .researcher, expiresIn: nil).secret
        return (fixture, engine, secret)
    }

    static func resultSets(_ response: TestResponse) -> [[String: Any]] {
        ((response.object["response"] as? [String: Any])?["resultSets"] as? [[String: Any]]) ?? []
    }

    @Test func aBeaconQueryReleasesTheSameCountsAsTheNativeQueryItStandsFor() async throws {
        let (fixture, engine, secret) = try Self.fixtureWithSubjects()
        let native = try engine.countSubjects([("cancerType", "icd10:C34"), ("sex", "female"), ("age", "40-59")])
        let expected = try #require(native.datasets.first?.subjects.releasedValue)
        let expectedWithoutAge = try engine.countSubjects([("cancerType", "icd10:C34"), ("sex", "female")]).datasets.first?.subjects.releasedValue
        try await fixture.withServer { client in
            let body = #"""
                {"meta": {"apiVersion": "v2.0.0"}, "query": {"requestedGranularity": "count", "filters": [
                  {"id": "ICD10:C34", "includeDescendantTerms": true}, {"id": "NCIT:C16576", "scope": "individual"},
                  {"id": "age", "operator": ">=", "value": "40"}, {"id": "age", "operator": "<", "value": "P60Y"}]}}
                """#
            let response = try await client.execute(uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let sets = Self.resultSets(response)
            #expect(sets.count == 1)
            #expect(sets.first?["id"] as? String == "nl-test/ds-nsclc")
            #expect(sets.first?["resultsCount"] as? Int == expected)
            #expect(sets.first?["countPrecision"] as? String == "rounded")
            let summary = try #require(response.object["responseSummary"] as? [String: Any])
            #expect(summary["numTotalResults"] as? Int == expected)
            let info = try #require(response.object["info"] as? [String: Any])
            #expect(info["query"] as? String == native.query)

            // The same question as a GET with terms, and through the native route: one answer.
            let get = try await client.execute(
                uri: "/beacon/v2/individuals?filters=ICD10:C34,NCIT:C16576", method: .get, headers: .json(bearer: secret))
            #expect(Self.resultSets(get).first?["resultsCount"] as? Int == expectedWithoutAge)
        }
    }

    @Test func aDatasetAnsweredBelowTheThresholdIsLeftOutOfTheResultSetsAndCounted() async throws {
        let (fixture, _, secret) = try Self.fixtureWithSubjects()
        try await fixture.withServer { client in
            // No lung subject was imaged on the brain: the dataset answers "<10", which is never
            // listed as a result set nor summed as zero, only counted as suppressed.
            let body = #"{"query": {"filters": [{"id": "NCIT:C16576"}, {"id": "DICOM:BRAIN"}]}}"#
            let response = try await client.execute(uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(Self.resultSets(response).isEmpty)
            let info = try #require(response.object["info"] as? [String: Any])
            #expect(info["suppressedDatasets"] as? Int == 1)
            let summary = try #require(response.object["responseSummary"] as? [String: Any])
            #expect(summary["exists"] as? Bool == false)
            #expect(summary["numTotalResults"] as? Int == 0)
        }
    }

    @Test(arguments: [
        (#"{"query": {"filters": [{"id": "ICD10:C34", "includeDescendantTerms": false}]}}"#, "descendants", "query.filters[0].includeDescendantTerms"),
        (#"{"query": {"filters": [{"id": "ICD10:C34", "similarity": "high"}]}}"#, "exact terms only", "query.filters[0].similarity"),
        (#"{"query": {"filters": [{"id": "age", "operator": "!", "value": "50"}]}}"#, "no negation", "query.filters[0].operator"),
        (#"{"query": {"filters": [{"id": "age", "operator": ">=", "value": "45"}]}}"#, "whole 10-year bands", "filters.age"),
        (#"{"query": {"filters": [{"id": "age", "operator": "=", "value": "5%"}]}}"#, "no wildcards", "query.filters[0].value"),
        (#"{"query": {"filters": [{"id": "subjectId", "operator": "=", "value": "NL-1"}]}}"#, "only alphanumeric filter is age", "query.filters[0].id"),
        (#"{"query": {"filters": [{"id": "NCIT:C0000001"}]}}"#, "no cancer type, modality, body site or sex", "query.filters[0]"),
        (#"{"query": {"filters": [{"id": "ICD10:C34", "scope": "biosample"}]}}"#, "individuals only", "query.filters[0].scope"),
        (#"{"query": {"requestParameters": {"g_variant": {}}}}"#, "no request parameters", "query.requestParameters"),
        (#"{"query": {"requestedGranularity": "everything"}}"#, "one of boolean, count", "query.requestedGranularity"),
        (#"{"query": {"filters": {"id": "ICD10:C34"}}}"#, "array of filters", "query.filters"),
        (#"{"query": {}, "select": "*"}"#, "unknown member 'select'", "select"),
    ])
    func aBeaconRequestOutsideTheCountLanguageIs400NamingTheFilter(body: String, reason: String, parameter: String) async throws {
        let (fixture, _, secret) = try Self.fixtureWithSubjects()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: body))
            #expect(response.status == .badRequest)
            #expect((response.object["detail"] as? String)?.contains(reason) == true, "\(String(buffer: response.body))")
            #expect(response.object["parameter"] as? String == parameter)
        }
    }

    @Test func anonymousCallersGetTheDatasetSizesAndNoFilteredCount() async throws {
        let (fixture, engine, _) = try Self.fixtureWithSubjects()
        let sizes = try engine.countSubjects([])
        try await fixture.withServer { client in
            let get = try await client.execute(uri: "/beacon/v2/individuals", method: .get)
            #expect(get.status == .ok)
            #expect(Self.resultSets(get).first?["resultsCount"] as? Int == sizes.datasets.first?.subjects.releasedValue)
            let post = try await client.execute(uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: nil), body: ByteBuffer(json: "{}"))
            #expect(post.status == .ok)
            let filtered = try await client.execute(
                uri: "/beacon/v2/individuals", method: .post, headers: .json(bearer: nil),
                body: ByteBuffer(json: #"{"query": {"filters": [{"id": "NCIT:C16576"}]}}"#))
            #expect(filtered.status == .unauthorized)
            let filteredGet = try await client.execute(uri: "/beacon/v2/individuals?filters=NCIT:C16576", method: .get)
            #expect(filteredGet.status == .unauthorized)
        }
    }

    @Test func everyListedFilteringTermIsAcceptedAsAFilter() async throws {
        let (fixture, _, _) = try Self.fixtureWithSubjects()
        let engine = try fixture.engine()
        let terms = try engine.countFilteringTerms()
        #expect(terms.count > 50)
        #expect(terms.contains { $0.id == "NCIT:C16576" && $0.field == "sex" })
        for term in terms {
            let filter = try engine.countFilters(forTerms: [(term.id, "id")])
            #expect(filter.first?.field == term.field, "\(term.id)")
        }
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/beacon/v2/filtering_terms", method: .get)
            #expect(response.status == .ok)
            let listed = ((response.object["response"] as? [String: Any])?["filteringTerms"] as? [[String: Any]]) ?? []
            #expect(listed.count == terms.count + 1)
            #expect(listed.contains { $0["id"] as? String == "age" && $0["type"] as? String == "alphanumeric" })
        }
    }

    @Test func beaconCountsShareTheResearchersBudgetWithTheNativeRoute() async throws {
        let (fixture, _, secret) = try Self.fixtureWithSubjects()
        try await fixture.withServer { client in
            for _ in 0..<5 {
                let native = try await client.execute(
                    uri: "/api/v1/counts", method: .post, headers: .json(bearer: secret), body: ByteBuffer(json: #"{"filters": {"sex": "female"}}"#))
                #expect(native.status == .ok)
                let beacon = try await client.execute(uri: "/beacon/v2/individuals?filters=NCIT:C16576", method: .get, headers: .json(bearer: secret))
                #expect(beacon.status == .ok)
            }
            let refused = try await client.execute(uri: "/beacon/v2/individuals?filters=NCIT:C16576", method: .get, headers: .json(bearer: secret))
            #expect(refused.status == .tooManyRequests)
        }
    }
}
