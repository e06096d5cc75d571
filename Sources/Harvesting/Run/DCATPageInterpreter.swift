import Foundation
import RDF

/// Reads one page of a DCAT catalogue: its datasets, and its next page by Hydra paging.
struct DCATPageInterpreter: Sendable {
    var reader: RDFPageReader
    var mapper: DatasetMapper

    /// - Parameter endsPaging: the page is a `?page=N` next page, which may be empty (the end).
    func interpret(_ page: FetchedPage, endsPaging: Bool = false) throws(HarvestError) -> InterpretedPage {
        let graph = try reader.graph(of: page, allowingEmpty: endsPaging)
        var interpreted = InterpretedPage(result: mapper.map(graph))
        let url = page.finalURL.absoluteString
        if let next = HydraPaging.nextPage(in: graph, pageURL: url) {
            interpreted.links = [PageLink(url: next, role: .catalogue, isNextPage: true)]
        }
        interpreted.announcedTotal = HydraPaging.totalItems(in: graph)
        return interpreted
    }
}
