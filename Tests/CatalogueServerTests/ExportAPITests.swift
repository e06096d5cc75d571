import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("DCAT-AP export over HTTP")
struct ExportAPITests {
    @Test(arguments: [
        ("text/turtle", "text/turtle"), ("application/rdf+xml", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"), ("text/html, */*;q=0.8", "text/turtle"),
    ])
    func catalogIsContentNegotiated(accept: String, expected: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/catalog", method: .get, headers: [.accept: accept])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == expected)
            #expect(String(buffer: response.body).contains("ds-prostate"))
        }
    }

    @Test func pagesCarryHydraLinksAndBadPagingIsA400() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let first = try await client.execute(uri: "/catalog?page=1&pageSize=2", method: .get)
            #expect(first.status == .ok)
            let text = String(buffer: first.body)
            #expect(text.contains("hydra") && text.contains("page=2"))
            let unacceptable = try await client.execute(uri: "/catalog", method: .get, headers: [.accept: "application/pdf"])
            #expect(unacceptable.status == .notAcceptable)
            let badSize = try await client.execute(uri: "/catalog?page=1&pageSize=0", method: .get)
            #expect(badSize.status == .badRequest)
            #expect(badSize.object["parameter"] as? String == "pageSize")
        }
    }

    @Test func datasetRecordIsServedAsDCATAtItsExportAddress() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let record = try await client.execute(uri: "/catalog/dataset/nl-test/ds-nsclc?format=turtle", method: .get)
            #expect(record.status == .ok)
            #expect(record.headers[.contentType]?.hasPrefix("text/turtle") == true)
            let turtle = String(buffer: record.body)
            #expect(turtle.contains("Lung screening CT") && !turtle.contains("Breast MR and mammography"))
            // Named as in the whole export: both nodes call a dataset ds-nsclc with one IRI, so its
            // IRI is minted at this very address and its identifier qualified with the node.
            #expect(turtle.contains("/catalog/dataset/nl-test/ds-nsclc>"), "\(turtle)")
            #expect(turtle.contains(#""nl-test/ds-nsclc""#))
            let whole = String(buffer: try await client.execute(uri: "/catalog?format=turtle", method: .get).body)
            #expect(whole.contains("/catalog/dataset/nl-test/ds-nsclc>"))
            let missing = try await client.execute(uri: "/catalog/dataset/nl-test/no-such", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
