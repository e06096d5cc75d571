import CatalogueEngine
import CatalogueModel
import CatalogueServer
import CatalogueTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A catalogue in a temporary home with two small nodes, and the server built over it.
struct ServerFixture {
    let folder: URL
    let configuration: CatalogueConfiguration

    static let dutchDatasets = [
        FixtureDataset(id: "ds-nsclc", title: "Lung screening CT", subjects: "120",
                       conditions: ["\"NSCLC\""], modalities: ["\"CT\"", "\"PT\""], bodyParts: ["\"LUNG\""], accessRights: "RESTRICTED"),
        FixtureDataset(id: "ds-breast", title: "Breast MR and mammography", subjects: "300",
                       conditions: ["eucaim:CLIN1000060"], modalities: ["\"MR\"", "\"MG\""], bodyParts: ["\"BREAST\""]),
        FixtureDataset(id: "ds-prostate", title: "Prostate mpMRI", subjects: "80", conditions: ["\"C61\""],
                       modalities: ["\"MR\""], bodyParts: ["\"PROSTATE\""], accessRights: "NON_PUBLIC"),
    ]

    static let spanishDatasets = [
        FixtureDataset(id: "ds-nsclc", title: "Cohorte de pulmón", subjects: "60",
                       conditions: ["\"Lung cancer\""], modalities: ["\"CT\""], bodyParts: ["\"LUNG\""], accessRights: "open"),
    ]

    init() throws {
        folder = try ProjectPaths.temporaryDirectory("server")
        configuration = CatalogueConfiguration(
            home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies"))
        let catalogue = try CatalogueService.open(configuration)
        _ = try catalogue.importFiles([try FixtureDataset.write(Self.dutchDatasets, named: "nl.ttl", in: folder)], node: "nl-test", format: nil)
        _ = try catalogue.importFiles([try FixtureDataset.write(Self.spanishDatasets, named: "es.ttl", in: folder)], node: "es-test", format: nil)
    }

    /// The engine over the same home, to compare the server's answers with.
    func engine() throws -> CatalogueService {
        try CatalogueService.open(configuration)
    }

    /// A subject file for `nl-test/ds-nsclc`: 60 women and 40 men with lung cancer on CT, aged 40–79.
    func writeSubjects() throws -> URL {
        let rows = (0..<100).map { number in "NL-\(number),\(number < 60 ? "F" : "M"),\(40 + number % 40),Lung cancer,CT,LUNG" }
        let file = folder.appendingPathComponent("subjects.csv")
        try (["subject,sex,age_at_diagnosis,diagnosis,modality,body_site"] + rows).joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A federation file with one node read from a local Turtle file (`harvested-node`).
    func writeFederation(schedule: String? = nil) throws -> URL {
        let source = folder.appendingPathComponent("harvested-node")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        _ = try FixtureDataset.write(
            [FixtureDataset(id: "ds-harvested", title: "Harvested glioma MR", subjects: "25", conditions: ["\"Glioblastoma\""],
                            modalities: ["\"MR\""], bodyParts: ["\"BRAIN\""])],
            named: "datasets.ttl", in: source)
        let file = folder.appendingPathComponent("nodes.toml")
        try """
            [[node]]
            id = "harvested-node"
            name = "A node harvested by the server"
            country = "NL"
            endpoint = "harvested-node"
            \(schedule.map { "schedule = \"\($0)\"" } ?? "")
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs `test` against the server on a live loopback port, then removes the home. Rate limits
    /// are lifted unless `adjust` sets them (a test hammering the server is not an abusive client).
    func withServer<T>(
        nodesFile: URL? = nil, setup: TestingSetup = .live, adjust: (inout ServerConfiguration) -> Void = { _ in },
        _ test: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration(catalogue: configuration, port: 0, readers: 2, nodesFile: nodesFile)
        configuration.addressRate = .init(perSecond: 100_000, burst: 100_000)
        configuration.tokenRate = .init(perSecond: 100_000, burst: 100_000)
        adjust(&configuration)
        let application = try await CatalogueApplication.build(configuration)
        return try await application.test(setup) { client in try await test(client) }
    }
}

extension HTTPFields {
    /// `Authorization: Bearer <secret>`, or nothing for an anonymous call.
    static func bearer(_ secret: String?) -> HTTPFields {
        guard let secret else { return [:] }
        return [.authorization: "Bearer \(secret)"]
    }

    static func json(bearer secret: String?) -> HTTPFields {
        var fields = bearer(secret)
        fields[.contentType] = "application/json"
        return fields
    }
}

extension ByteBuffer {
    init(json: String) { self.init(string: json) }
}

extension TestResponse {
    /// The body decoded as JSON of `type` (the contract's types are Decodable).
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(body.readableBytesView))
    }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
}
