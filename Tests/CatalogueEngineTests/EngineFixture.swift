import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation

/// A catalogue in a temporary home with two small nodes imported, for the engine's tests.
struct EngineFixture {
    let folder: URL
    let catalogue: CatalogueService

    static let dutchDatasets = [
        FixtureDataset(id: "ds-nsclc", title: "Lung screening CT", subjects: "120",
                       conditions: ["\"NSCLC\""], modalities: ["\"CT\"", "\"PT\""], bodyParts: ["\"LUNG\""], accessRights: "RESTRICTED"),
        FixtureDataset(id: "ds-luad", title: "Adenocarcinoma PET/CT", subjects: "40",
                       conditions: ["<http://snomed.info/id/254626006>"], modalities: ["\"PET/CT\""], bodyParts: ["\"CHEST\""]),
        FixtureDataset(id: "ds-breast", title: "Breast MR and mammography", subjects: "300",
                       conditions: ["eucaim:CLIN1000060"], modalities: ["\"MR\"", "\"MG\""], bodyParts: ["\"BREAST\""]),
        FixtureDataset(id: "ds-prostate", title: "Prostate mpMRI", description: "Biopsy-confirmed tumours imaged before surgery.",
                       subjects: "80", conditions: ["\"C61\""], modalities: ["\"MR\""], bodyParts: ["\"PROSTATE\""], accessRights: "NON_PUBLIC",
                       modified: "2026-01-10"),
        FixtureDataset(id: "ds-odd", title: "Miscellaneous collection", subjects: "12",
                       conditions: ["\"Gliobastoma\""], modalities: ["\"Siemens\""], bodyParts: ["\"BRAIN\""]),
    ]

    static let spanishDatasets = [
        FixtureDataset(id: "ds-nsclc", title: "Cohorte de pulmón", subjects: "60",
                       conditions: ["\"Lung cancer\""], modalities: ["\"CT\""], bodyParts: ["\"LUNG\""]),
    ]

    init() throws {
        folder = try ProjectPaths.temporaryDirectory("engine")
        catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: folder.appendingPathComponent("home"), vocabularies: ProjectPaths.project("Vocabularies")))
        _ = try catalogue.importFiles([try write(Self.dutchDatasets, "nl.ttl")], node: "nl-test", format: nil)
        _ = try catalogue.importFiles([try write(Self.spanishDatasets, "es.ttl")], node: "es-test", format: nil)
    }

    func write(_ datasets: [FixtureDataset], _ name: String) throws -> URL {
        try FixtureDataset.write(datasets, named: name, in: folder)
    }

    func search(_ text: String = "", _ filters: String..., sort: SearchRequest.Sort = .relevance) throws -> SearchResponse {
        try catalogue.search(SearchQuery(text: text, filters: filters, sort: sort))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension SearchResponse {
    var keys: Set<String> { Set(datasets.map { "\($0.node)/\($0.id)" }) }
}

extension Array where Element == FacetValue {
    func count(labelled label: String) -> Int? {
        for value in self {
            if value.label == label { return value.count }
            if let found = (value.children ?? []).count(labelled: label) { return found }
        }
        return nil
    }
}
