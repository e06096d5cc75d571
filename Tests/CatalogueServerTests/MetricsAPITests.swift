import CatalogueEngine
import CatalogueModel
import CatalogueServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Metrics")
struct MetricsAPITests {
    @Test func metricsCountRequestsByRouteAndStatusAndShowTheIndex() async throws {
        let fixture = try ServerFixture()
        let secret = try fixture.engine().createToken(name: "prometheus", role: .admin, expiresIn: nil).secret
        try await fixture.withServer { client in
            _ = try await client.execute(uri: "/api/v1/datasets?q=lung", method: .get)
            _ = try await client.execute(uri: "/api/v1/datasets?colour=red", method: .get)
            _ = try await client.execute(uri: "/api/v1/datasets/nl-test/ds-nsclc", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get, headers: .bearer(secret))
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.contains(#"http_server_request_duration_seconds_count{route="/api/v1/datasets",method="GET",status="200"} 1"#))
            #expect(text.contains(#"http_server_request_duration_seconds_count{route="/api/v1/datasets",method="GET",status="400"} 1"#))
            #expect(text.contains(#"route="/api/v1/datasets/{node}/{id}""#))
            #expect(text.contains("catalogue_search_duration_seconds_count 1"))
            #expect(text.contains("catalogue_index_documents 4.0"))
        }
    }
}
