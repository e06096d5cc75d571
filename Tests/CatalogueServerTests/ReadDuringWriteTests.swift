import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CatalogueTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// Searches never stop during writes, and never see a state that is neither before nor after one.
@Suite("Reads during writes")
struct ReadDuringWriteTests {
    static let glioblastoma = "https://w3id.org/imaging-catalogue/vocab/cancer-type/glioblastoma"
    static let newDatasets = (1...30).map { number in
        FixtureDataset(id: "ds-new-\(number)", title: "New glioma cohort \(number)", subjects: "10",
                       conditions: [number <= 10 ? "\"Gliobastoma\"" : "\"Glioblastoma\""], modalities: ["\"MR\""], bodyParts: ["\"BRAIN\""])
    }

    /// What the reading tasks saw, shared between them.
    final class Observed: Sendable {
        let stop = Atomic(false)
        let seen = Mutex<[String]>([])
        let requests = Atomic(0)

        /// Waits until the readers made `count` requests (at most a minute, should they fail).
        func waitForRequests(_ count: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            while requests.load(ordering: .relaxed) < count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    @Test func searchesFromSeveralConnectionsSeeOnlyWholeStatesWhileAnImportAndAnEditCommit() async throws {
        let fixture = try ServerFixture()
        let newFile = try FixtureDataset.write(Self.newDatasets, named: "new.ttl", in: fixture.folder)
        // Totals of the two searches in each state: before, after the import, after the edit.
        let allowedAll: Set<Int> = [4, 34]
        let allowedGlioblastoma: Set<Int> = [0, 20, 30]
        let observed = Observed()
        try await fixture.withServer(setup: .ahc(.http)) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for connection in 0..<4 {
                    group.addTask {
                        while !observed.stop.load(ordering: .relaxed) {
                            let query = connection.isMultiple(of: 2) ? "perPage=5" : "cancerType=\(Self.glioblastoma)&perPage=5"
                            let response = try await client.execute(uri: "/api/v1/datasets?\(query)", method: .get)
                            observed.requests.add(1, ordering: .relaxed)
                            guard response.status == .ok else {
                                observed.seen.withLock { $0.append("\(response.status.code): \(String(buffer: response.body))") }
                                continue
                            }
                            let total = try response.decoded(SearchResponse.self).total
                            let allowed = connection.isMultiple(of: 2) ? allowedAll : allowedGlioblastoma
                            if !allowed.contains(total) { observed.seen.withLock { $0.append("\(query): total \(total)") } }
                        }
                    }
                }
                group.addTask {
                    defer { observed.stop.store(true, ordering: .relaxed) }
                    // Another writer of the same home, as a CLI harvest or edit would be.
                    // Each step waits until the readers are busy, however slow the machine.
                    let writer = try fixture.engine()
                    try await observed.waitForRequests(10)
                    _ = try writer.importFiles([newFile], node: "xx-new", format: nil)
                    try await observed.waitForRequests(20)
                    _ = try writer.applyVocabularyEdit(
                        .mapValue(value: "Gliobastoma", concept: Self.glioblastoma), by: .init(name: "test", reason: "typo seen in the queue"))
                    try await observed.waitForRequests(30)
                }
                try await group.waitForAll()
            }
            let final = try await client.execute(uri: "/api/v1/datasets?cancerType=\(Self.glioblastoma)", method: .get)
            #expect(try final.decoded(SearchResponse.self).total == 30)
        }
        #expect(observed.seen.withLock { $0 } == [])
        #expect(observed.requests.load(ordering: .relaxed) >= 30)
    }
}
