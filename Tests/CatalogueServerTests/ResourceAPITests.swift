import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dataset, node and vocabulary resources")
struct ResourceAPITests {
    @Test func datasetShowsTheRecordWithProvenanceAndRawValues() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/datasets/nl-test/ds-nsclc", method: .get)
            #expect(response.status == .ok)
            let dataset = try response.decoded(DatasetView.self)
            #expect(dataset.id == "ds-nsclc" && dataset.node == "nl-test")
            #expect(dataset.cancerTypes.map(\.label).contains("Non-small cell lung cancer"))
            let object = response.object
            let provenance = try #require(object["provenance"] as? [String: Any])
            #expect(provenance["node"] as? String == "nl-test")
            #expect(provenance["source"] as? String == "nl.ttl")
            #expect(object["raw"] is [String: Any])
            // Each mapped value with the raw value it came from and how it was read.
            let mappings = try #require(object["mappings"] as? [[String: Any]])
            let nsclc = try #require(mappings.first { $0["field"] as? String == "cancerType" })
            #expect(nsclc["value"] as? String == "NSCLC" && nsclc["label"] as? String == "Non-small cell lung cancer", "\(nsclc)")
            #expect(ConceptMapping.Method(rawValue: nsclc["method"] as? String ?? "") != nil)
            #expect(Set(mappings.compactMap { $0["field"] as? String }).isSuperset(of: ["cancerType", "modality", "bodySite"]))
        }
    }

    @Test func unknownDatasetIsA404Problem() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/datasets/nl-test/no-such", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect((response.object["detail"] as? String)?.contains("no-such") == true)
        }
    }

    @Test func unknownRouteIsA404ProblemNotAnEmptyPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v2/anything", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.object["status"] as? Int == 404)
        }
    }

    @Test func nodesListEachNodeWithItsDatasetCount() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/nodes", method: .get)
            #expect(response.status == .ok)
            let nodes = try response.decoded([NodeSummary].self)
            #expect(nodes.map(\.id) == ["es-test", "nl-test"])
            #expect(nodes.map(\.datasets) == [1, 3])
            #expect(nodes.allSatisfy { $0.lastRun == nil })
        }
    }

    @Test func harvestsOfAnInvalidNodeIdAreA400() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let list = try await client.execute(uri: "/api/v1/harvests?limit=5", method: .get)
            #expect(list.status == .ok)
            #expect(try list.decoded([HarvestRun].self).isEmpty)
            let bad = try await client.execute(uri: "/api/v1/harvests?node=../etc", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.object["parameter"] as? String == "node")
        }
    }

    @Test func vocabulariesListEverySchemeAndShowATreeAndAConcept() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let schemes = try await client.execute(uri: "/api/v1/vocabularies", method: .get).decoded([SchemeSummary].self)
            #expect(Set(schemes.map(\.scheme)) == Set(ConceptScheme.allCases))
            #expect(schemes.first { $0.scheme == .cancerType }?.facet == true)

            let tree = try await client.execute(uri: "/api/v1/vocabularies/cancerType", method: .get).decoded([ConceptTreeRow].self)
            #expect(tree.contains { $0.concept.label == "Non-small cell lung cancer" && $0.depth > 0 })

            let concept = try await client.execute(uri: "/api/v1/vocabularies/cancerType/concepts/nsclc", method: .get)
            #expect(concept.status == .ok)
            let detail = try concept.decoded(ConceptDetail.self)
            #expect(detail.label == "Non-small cell lung cancer")
            #expect(!detail.broader.isEmpty)
            #expect(detail.labels.contains { $0.kind == .pref && $0.language == "en" })
            #expect(detail.datasets == 1)
        }
    }

    @Test func unknownSchemeOrConceptIsA404Problem() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let scheme = try await client.execute(uri: "/api/v1/vocabularies/colours", method: .get)
            #expect(scheme.status == .notFound)
            #expect(scheme.object["parameter"] as? String == "scheme")
            let concept = try await client.execute(uri: "/api/v1/vocabularies/cancerType/concepts/no-such", method: .get)
            #expect(concept.status == .notFound)
        }
    }

    @Test func healthAndReadinessAnswerWithSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.headers[.xContentTypeOptions] == "nosniff")
            #expect(health.headers[.server]?.hasPrefix("imaging-catalogue/") == true)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(try ready.decoded(Readiness.self).datasets == 4)
        }
    }

    @Test func openAPIDocumentIsServedAndListsEveryRoute() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let paths = try #require(response.object["paths"] as? [String: Any])
            for path in ["/api/v1/datasets", "/api/v1/datasets/{node}/{id}", "/api/v1/nodes", "/api/v1/harvests",
                         "/api/v1/vocabularies", "/api/v1/vocabularies/{scheme}", "/api/v1/vocabularies/{scheme}/concepts/{id}",
                         "/healthz", "/readyz", "/openapi.json", "/api/v1/counts", "/beacon/v2/info", "/beacon/v2/individuals",
                         "/beacon/v2/filtering_terms", "/beacon/v2/map", "/beacon/v2/configuration", "/beacon/v2/entry_types"] {
                #expect(paths[path] != nil, "\(path) is not in the document")
            }
        }
    }
}
