import CatalogueModel
import Foundation
import RDF

/// Reads the resources of a FAIR Data Point: the root lists catalogues, a catalogue lists datasets
/// (and maybe sub-catalogues), a dataset lists distributions. Whatever a page already describes is
/// mapped from that page; what it only links to becomes a page to read.
struct FDPPageInterpreter: Sendable {
    var reader: RDFPageReader
    var mapper: DatasetMapper

    /// FDP 1.x root → catalogue links, and the LDP containment some FDPs use.
    static let catalogueLinks = [
        "http://www.re3data.org/schema/3-0#dataCatalog", "https://w3id.org/fdp/fdp-o#metadataCatalog",
        "http://www.w3.org/ns/ldp#contains", Namespaces.dcat + "catalog",
    ]
    static let datasetLinks = [Namespaces.dcat + "dataset", "http://www.w3.org/ns/ldp#contains"]

    func interpret(_ page: FetchedPage, as link: PageLink) throws(HarvestError) -> InterpretedPage {
        let graph = try reader.graph(of: page)
        let here = resources(of: page, in: graph)
        var interpreted = InterpretedPage()
        switch link.role {
        case .fdpRoot:
            interpreted.links = linked(from: here, by: Self.catalogueLinks, in: graph).map { PageLink(url: $0, role: .fdpCatalogue) }
            interpreted.result = mapper.map(graph)
        case .fdpCatalogue, .catalogue:
            let datasets = linked(from: here, by: Self.datasetLinks, in: graph)
            let undescribed = datasets.filter { !isDescribed(.iri($0), in: graph) }
            interpreted.result = mapper.map(graph)
            interpreted.result.datasets.removeAll { dataset in dataset.iri.map(undescribed.contains) ?? false }
            interpreted.links = undescribed.map { PageLink(url: $0, role: .fdpDataset) }
                + linked(from: here, by: [Namespaces.dcat + "catalog"], in: graph).map { PageLink(url: $0, role: .fdpCatalogue) }
            if let next = HydraPaging.nextPage(in: graph, pageURL: page.finalURL.absoluteString) {
                interpreted.links.append(PageLink(url: next, role: .fdpCatalogue, isNextPage: true))
            }
        case .fdpDataset:
            interpreted.result = mapper.map(graph)
            interpreted.links = distributionLinks(interpreted.result.datasets, graph)
        case .fdpDistribution:
            let reader = TermReader(graph: graph)
            let subjects = here.filter { !graph.predicates(of: $0).isEmpty }
            interpreted.distributions = (subjects.isEmpty ? graph.subjects(ofType: Namespaces.dcat + "Distribution") : subjects)
                .map(reader.distribution)
        }
        return interpreted
    }

    /// The subjects that stand for the fetched resource: its URL before and after redirects.
    private func resources(of page: FetchedPage, in graph: Graph) -> [Term] {
        var candidates = [page.url.absoluteString, page.finalURL.absoluteString]
        candidates += candidates.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 + "/" }
        let found = candidates.map(Term.iri).filter { !graph.predicates(of: $0).isEmpty }
        return found.isEmpty ? graph.subjects : found
    }

    private func linked(from subjects: [Term], by predicates: [String], in graph: Graph) -> [String] {
        var seen = Set<String>()
        return subjects.flatMap { subject in predicates.flatMap { graph.objects(subject, $0) } }
            .compactMap(\.iriValue).filter { seen.insert($0).inserted }
    }

    /// A resource is described on this page when it has a title or more than a type.
    private func isDescribed(_ term: Term, in graph: Graph) -> Bool {
        let predicates = graph.predicates(of: term)
        return predicates.contains(Namespaces.dct + "title") || predicates.contains { $0 != Namespaces.rdf + "type" }
    }

    /// Distributions a dataset page links to but does not describe: each is its own FDP resource.
    private func distributionLinks(_ datasets: [RawDataset], _ graph: Graph) -> [PageLink] {
        datasets.flatMap { dataset in
            dataset.distributions.compactMap { distribution -> PageLink? in
                guard let iri = distribution.iri, !isDescribed(.iri(iri), in: graph) else { return nil }
                return PageLink(url: iri, role: .fdpDistribution, owner: dataset.identifier)
            }
        }
    }
}
