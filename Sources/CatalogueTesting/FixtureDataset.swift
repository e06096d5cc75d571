import Foundation

/// A EUCAIM DCAT-AP dataset for tests, written as Turtle. Value fields hold Turtle objects as a
/// node would write them: `"<http://snomed.info/id/254637007>"`, `"\"NSCLC\""`, `"eucaim:IMG1000026"`.
public struct FixtureDataset: Sendable {
    public var id: String?
    public var iri: String?
    public var title: String
    public var description: String
    public var subjects: String?
    public var conditions: [String]
    public var modalities: [String]
    public var bodyParts: [String]
    public var accessRights: String?
    public var modified: String?

    public init(
        id: String?, iri: String? = nil, title: String, description: String = "An imaging collection.",
        subjects: String? = "100", conditions: [String] = [], modalities: [String] = [], bodyParts: [String] = [],
        accessRights: String? = "PUBLIC", modified: String? = "2024-05-01"
    ) {
        self.id = id
        self.iri = iri ?? id.map { "https://node.example.org/dataset/\($0)" }
        self.title = title
        self.description = description
        self.subjects = subjects
        self.conditions = conditions
        self.modalities = modalities
        self.bodyParts = bodyParts
        self.accessRights = accessRights
        self.modified = modified
    }

    /// The dataset as one Turtle statement block (a blank node when it has no IRI).
    public var turtle: String {
        var objects = ["a dcat:Dataset"]
        if let id { objects.append("dct:identifier \"\(id)\"") }
        objects.append("dct:title \"\(title)\"@en")
        objects.append("dct:description \"\(description)\"@en")
        if let subjects { objects.append("healthdcatap:numberOfUniqueIndividuals \(subjects)") }
        if !conditions.isEmpty { objects.append("eucaim:hasCondition " + conditions.joined(separator: ", ")) }
        if !modalities.isEmpty { objects.append("eucaim:hasImageModality " + modalities.joined(separator: ", ")) }
        if !bodyParts.isEmpty { objects.append("eucaim:hasImageBodyPart " + bodyParts.joined(separator: ", ")) }
        if let accessRights {
            objects.append("dct:accessRights <http://publications.europa.eu/resource/authority/access-right/\(accessRights)>")
        }
        if let modified { objects.append("dct:modified \"\(modified)\"^^xsd:date") }
        let subject = iri.map { "<\($0)>" } ?? "[]"
        return "\(subject) " + objects.joined(separator: " ;\n    ") + " .\n"
    }

    public static let turtlePrefixes = """
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix healthdcatap: <http://healthdataportal.eu/ns/health#> .
        @prefix eucaim: <https://cancerimage.eu/ontology/EUCAIM#> .

        """

    /// Writes the datasets as one Turtle file in `folder` and returns its URL.
    public static func write(_ datasets: [FixtureDataset], named name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try (turtlePrefixes + datasets.map(\.turtle).joined(separator: "\n")).write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
