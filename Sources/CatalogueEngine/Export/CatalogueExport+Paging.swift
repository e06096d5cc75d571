import Foundation
import RDF

/// Hydra paging, as our own `dcat` harvester reads it (`Harvesting/Run/HydraPaging.swift`): the
/// page is a `hydra:PartialCollectionView` carrying `hydra:next` and `hydra:totalItems`, and the
/// catalogue links to it with `hydra:view`. `first`, `last` and `previous` are there for portals.
extension CatalogueExport {
    /// The URL of page `number`: the catalogue's IRI with `page` and `pageSize` query parameters,
    /// the ones the server's export endpoint reads.
    func pageURL(_ number: Int, size: Int) -> String {
        catalogIRI + (catalogIRI.contains("?") ? "&" : "?") + "page=\(number)&pageSize=\(size)"
    }

    /// The number of the last page (1 for an empty catalogue, whose single page lists nothing).
    func lastPage(size: Int) -> Int {
        max(1, (records.count + size - 1) / size)
    }

    func addPaging(to graph: inout ExportGraph, number: Int, size: Int) {
        let hydra = ExportTerms.hydra
        let last = lastPage(size: size)
        let view = Term.iri(pageURL(number, size: size))
        graph.add(.iri(catalogIRI), hydra + "view", view)
        graph.type(view, hydra + "PartialCollectionView")
        graph.add(view, hydra + "totalItems", ExportLexical.count(records.count))
        graph.add(view, hydra + "first", .iri(pageURL(1, size: size)))
        graph.add(view, hydra + "last", .iri(pageURL(last, size: size)))
        if number < last { graph.add(view, hydra + "next", .iri(pageURL(number + 1, size: size))) }
        if number > 1 { graph.add(view, hydra + "previous", .iri(pageURL(min(number - 1, last), size: size))) }
    }
}
