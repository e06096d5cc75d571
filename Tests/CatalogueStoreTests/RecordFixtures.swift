import CatalogueModel
import CatalogueStore
import Foundation

/// Small, fully controlled records for store tests: a node, an identifier and a title are enough
/// to tell records apart; unmapped values and concepts are added where a test needs them.
enum RecordFixtures {
    /// On a whole millisecond, so it reads back exactly.
    static let importedAt = Date(timeIntervalSince1970: 1_700_000_000.123)

    static func raw(_ id: String, title: String = "Lung CT collection") -> RawDataset {
        var raw = RawDataset(identifier: id, iri: "https://node.example.org/dataset/\(id)")
        raw.titles = [LangString(title, language: "en")]
        raw.conditions = [.literal("NSCLC")]
        raw.modalities = [.iri("http://dicom.nema.org/resources/ontology/DCM/CT")]
        return raw
    }

    static func normalised(
        _ raw: RawDataset, node: String, unmapped: [UnmappedValue] = [], cancerTypes: [String] = []
    ) -> NormalisedDataset {
        var normalised = NormalisedDataset(id: raw.identifier, node: node)
        normalised.iri = raw.iri
        normalised.titles = raw.titles
        normalised.cancerTypes = cancerTypes.map { ConceptMapping(concept: $0, value: "NSCLC", method: .label) }
        normalised.unmapped = unmapped
        return normalised
    }

    static func record(
        _ node: String, _ id: String, title: String = "Lung CT collection", unmapped: [UnmappedValue] = [],
        source: String = "node.ttl", importedAt: Date = importedAt
    ) -> CatalogueRecord {
        let raw = raw(id, title: title)
        return CatalogueRecord(
            raw: raw, normalised: normalised(raw, node: node, unmapped: unmapped), source: source,
            importedAt: importedAt)
    }

    /// Records `node/prefix-001` … in key order (`count` at least 1).
    static func records(_ node: String, count: Int, prefix: String = "ds") -> [CatalogueRecord] {
        (1...count).map { record(node, "\(prefix)-\(String(format: "%03d", $0))") }
    }

    /// A raw record using every field: several languages, IRIs and typed literals, nested agents
    /// and distributions, and a non-finite number.
    static func fullRaw(_ id: String) -> RawDataset {
        var raw = RawDataset(identifier: id, iri: nil)
        raw.titles = [LangString("Cancro del polmone", language: "it"), LangString("Lungenkrebs – CT", language: "de-DE"),
                      LangString("肺癌の画像"), LangString("Ca pulmón \"NSCLC\"\n/ second line", language: "es")]
        raw.descriptions = [LangString("Ελληνική περιγραφή 🫁", language: "el")]
        raw.keywords = [LangString("lung", language: "en"), LangString("poumon", language: "fr")]
        raw.publisher = RawAgent(iri: "https://ror.org/01abcde", names: [LangString("UPV", language: "es")])
        raw.landingPages = ["https://node.example.org/landing?id=\(id)&lang=en"]
        raw.accessRights = .iri("http://publications.europa.eu/resource/authority/access-right/RESTRICTED")
        raw.issued = "2023-01-05"
        raw.modified = "2024-05-01T10:00:00Z"
        var distribution = RawDistribution(iri: "https://node.example.org/dist/1")
        distribution.accessURLs = ["https://node.example.org/access"]
        distribution.format = .literal("DICOM", language: nil, datatype: "http://www.w3.org/2001/XMLSchema#string")
        distribution.titles = [LangString("Téléchargement", language: "fr")]
        raw.distributions = [distribution, RawDistribution()]
        raw.subjects = 1_204
        raw.studies = 0
        raw.minTypicalAge = 18.5
        raw.maxTypicalAge = .infinity
        raw.conditions = [.literal("Breast Ca", language: "en"), .iri("http://snomed.info/id/254637007")]
        raw.bodyParts = [.literal("Pelvis^Masculin", language: "fr", datatype: nil)]
        raw.interoperabilityLevel = .literal("1", language: nil, datatype: "http://www.w3.org/2001/XMLSchema#integer")
        raw.contactPoints = [RawContact(iri: nil, names: [LangString("Servicio de datos", language: "es")], emails: ["data@node.example.org"], urls: ["https://node.example.org/contact"])]
        raw.temporal = [RawPeriod(start: "2019-01-01", end: nil), RawPeriod(start: nil, end: "2024-12-31")]
        raw.version = "2.1"
        // Predicates in an order that differs between case-sensitive and case-insensitive sorting.
        raw.otherProperties = [
            "http://purl.org/dc/terms/spatial": [.iri("http://publications.europa.eu/resource/authority/country/ESP")],
            "http://purl.org/dc/terms/Zeta": [.literal("upper case first")],
            "http://data.europa.eu/r5r/applicableLegislation": [.iri("http://data.europa.eu/eli/reg/2025/327/oj")],
            "http://www.w3.org/ns/dcat#qualifiedRelation": [.literal("[ <http://www.w3.org/ns/dcat#hadRole> <http://www.iana.org/assignments/relation/related> ]")],
            "urn:x-\"quoted\"": [],
        ]
        distribution.license = .iri("https://creativecommons.org/licenses/by/4.0/")
        distribution.byteSize = "12323"
        distribution.checksum = "4304cf2e751e6053c90b1804c89c0ebb758f395a"
        raw.distributions[0] = distribution
        return raw
    }

    static func fullNormalised(_ raw: RawDataset, node: String) -> NormalisedDataset {
        var normalised = NormalisedDataset(id: raw.identifier, node: node)
        normalised.titles = raw.titles
        normalised.descriptions = raw.descriptions
        normalised.keywords = raw.keywords
        normalised.publisher = "UPV"
        normalised.accessRights = "RESTRICTED"
        normalised.issued = "2023-01-05"
        normalised.modified = "2024-05-01"
        normalised.subjects = 1_204
        normalised.minTypicalAge = 18.5
        normalised.distributions = raw.distributions
        normalised.cancerTypes = [
            ConceptMapping(concept: "https://example.org/cancer/breast", value: "Breast Ca", method: .label),
            ConceptMapping(concept: "https://example.org/cancer/nsclc", value: "Breast Ca; 254637007", method: .split, matched: "254637007", via: "a note"),
        ]
        normalised.modalities = [ConceptMapping(concept: "https://example.org/modality/ct", value: "CT", method: .iri)]
        normalised.codeLists = [.tier: [ConceptMapping(concept: "https://example.org/tier/1", value: "Tier 1", method: .label)]]
        normalised.unmapped = [UnmappedValue(field: "bodySite", value: "Pelvis^Masculin")]
        return normalised
    }
}
