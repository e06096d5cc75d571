import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Harvesting

/// A FAIR Data Point as EUCAIM nodes publish one: root → catalogue → datasets → distributions,
/// each its own Turtle resource.
@Suite struct FDPHarvestTests {
    static let base = "https://fdp.node.example"
    static let prefixes = """
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix r3d: <http://www.re3data.org/schema/3-0#> .
        @prefix fdp: <https://w3id.org/fdp/fdp-o#> .
        @prefix ldp: <http://www.w3.org/ns/ldp#> .

        """

    private var pages: [String: [ScriptedFetcher.Answer]] {
        [
            Self.base: [.page(Self.prefixes + """
                <\(Self.base)> a fdp:FAIRDataPoint ; dct:title "Node FDP" ;
                    r3d:dataCatalog <\(Self.base)/catalog/imaging> ;
                    fdp:metadataCatalog <\(Self.base)/catalog/pathology> .
                """)],
            Self.base + "/catalog/imaging": [.page(Self.prefixes + """
                <\(Self.base)/catalog/imaging> a dcat:Catalog ; dct:title "Imaging" ;
                    dcat:dataset <\(Self.base)/dataset/lung>, <\(Self.base)/dataset/breast> .
                <\(Self.base)/dataset/breast> a dcat:Dataset ; dct:identifier "breast" ; dct:title "Breast MRI"@en .
                """)],
            Self.base + "/catalog/pathology": [.page(Self.prefixes + """
                <\(Self.base)/catalog/pathology> a dcat:Catalog ; dct:title "Pathology" ;
                    ldp:contains <\(Self.base)/dataset/lung> .
                """)],
            Self.base + "/dataset/lung": [.page(Self.prefixes + """
                <\(Self.base)/dataset/lung> a dcat:Dataset ; dct:identifier "lung" ; dct:title "Lung CT"@en ;
                    dcat:distribution <\(Self.base)/distribution/lung-dicom> .
                """)],
            Self.base + "/distribution/lung-dicom": [.page(Self.prefixes + """
                <\(Self.base)/distribution/lung-dicom> a dcat:Distribution ;
                    dcat:accessURL <https://negotiator.example/lung> ; dct:format "DICOM" .
                """)],
        ]
    }

    private var node: NodeConfiguration {
        NodeConfiguration(id: "fdp-node", name: "FDP node", country: "NL", endpoint: .remote(URL(string: Self.base)!), harvestProtocol: .fdp)
    }

    @Test func followsRootToCataloguesToDatasetsToDistributions() async throws {
        let fetcher = ScriptedFetcher(pages)
        let outcome = await HarvestRunner(node: node, fetcher: fetcher).run()
        #expect(outcome.failure == nil)
        #expect(outcome.datasets.map(\.raw.identifier).sorted() == ["breast", "lung"])
        let lung = try #require(outcome.datasets.first { $0.raw.identifier == "lung" }?.raw)
        #expect(lung.distributions.first?.accessURLs == ["https://negotiator.example/lung"])
        #expect(lung.distributions.first?.format == .literal("DICOM"))
    }

    @Test func readsADatasetListedByTwoCataloguesOnce() async {
        let fetcher = ScriptedFetcher(pages)
        _ = await HarvestRunner(node: node, fetcher: fetcher).run()
        #expect(fetcher.requestedURLs.filter { $0.hasSuffix("/dataset/lung") }.count == 1)
        #expect(fetcher.requestedURLs.count == 5)
    }

    @Test func aDatasetThatCannotBeFetchedFailsTheRun() async {
        var answers = pages
        answers[Self.base + "/dataset/lung"] = [.failure(.timeout(url: Self.base + "/dataset/lung", seconds: 60, attempts: 4))]
        let outcome = await HarvestRunner(node: node, fetcher: ScriptedFetcher(answers)).run()
        #expect(outcome.failure == .fetchFailed(.timeout(url: Self.base + "/dataset/lung", seconds: 60, attempts: 4)))
    }
}
