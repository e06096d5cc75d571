import CatalogueEngine
import CatalogueModel
import CatalogueTesting
import Foundation
import Harvesting
import Testing

/// The bundled demo federation harvests as `make demo` harvests it, with its edge cases reported.
@Suite struct DemoFederationTests {
    @Test func harvestsEveryNodeOfNodesTomlAndReportsItsEdgeCases() async throws {
        let folder = try ProjectPaths.temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try CatalogueService.open(CatalogueConfiguration(
            home: folder, vocabularies: ProjectPaths.project("Vocabularies")))
        let federation = try FederationConfiguration.load(from: ProjectPaths.project("Harvesters/nodes.toml"))
        let nodes = federation.nodes.map(\.id)
        #expect(nodes.count >= 4)
        var warnings: [HarvestWarning] = []
        for node in federation.nodes {
            let report = try await catalogue.harvest(node)
            #expect(report.run.status == .complete)
            warnings += report.warnings
        }
        let datasets = try catalogue.datasets()
        #expect(datasets.count >= 40)
        #expect(Set(datasets.map(\.node)).count == nodes.count)
        #expect(warnings.filter { $0.kind == .unusableDataset }.count == 1)
        #expect(warnings.contains { $0.kind == .invalidNumber })
        #expect(datasets.contains { $0.iri != nil && $0.id == $0.iri })
        let mappedShare = Double(datasets.filter { !$0.cancerTypes.isEmpty }.count) / Double(datasets.count)
        #expect(mappedShare > 0.8)
        let lung = try catalogue.search(SearchQuery(filters: ["cancerType=icd10:C34"]))
        #expect(lung.total >= 4)
        #expect(lung.facets.node.count >= 2)
    }
}
