import Foundation
import RDF

/// Reads Hydra paging from a page's graph: the current `hydra:PartialCollectionView` (`hydra:next`)
/// and the legacy `hydra:PagedCollection` (`hydra:nextPage`), as catalogues publish them.
enum HydraPaging {
    static let namespace = "http://www.w3.org/ns/hydra/core#"
    private static let viewTypes = ["PartialCollectionView", "PagedCollection", "PaginatedCollection"].map { namespace + $0 }
    private static let nextPredicates = ["next", "nextPage"].map { namespace + $0 }

    /// The next page's URL, resolved against the page; nil on the last page.
    static func nextPage(in graph: Graph, pageURL: String) -> String? {
        for subject in pagingSubjects(graph) {
            for predicate in nextPredicates {
                for object in graph.objects(subject, predicate) {
                    if let iri = object.iriValue { return iri }
                    if let text = object.literalValue, let url = resolve(text, against: pageURL) { return url }
                }
            }
        }
        return nil
    }

    /// `hydra:totalItems` of the collection, when announced.
    static func totalItems(in graph: Graph) -> Int? {
        for subject in pagingSubjects(graph) {
            for object in graph.objects(subject, namespace + "totalItems") {
                if let text = object.literalValue, let total = Int(text.trimmingCharacters(in: .whitespaces)), total >= 0 {
                    return total
                }
            }
        }
        return nil
    }

    /// Subjects typed as a paging view first, then any other subject that carries a next link
    /// (some servers forget the type).
    private static func pagingSubjects(_ graph: Graph) -> [Term] {
        let typed = viewTypes.flatMap { graph.subjects(ofType: $0) }
        let untyped = graph.subjects.filter { subject in
            !typed.contains(subject) && (nextPredicates + [namespace + "totalItems"]).contains { !graph.objects(subject, $0).isEmpty }
        }
        return typed + untyped
    }

    private static func resolve(_ text: String, against base: String) -> String? {
        guard let baseURL = URL(string: base), let url = URL(string: text.trimmingCharacters(in: .whitespaces), relativeTo: baseURL) else {
            return nil
        }
        return url.absoluteString
    }
}
