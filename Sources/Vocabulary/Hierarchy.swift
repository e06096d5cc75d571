import CatalogueModel

/// Transitive broader closure, computed once at load; a cycle is a load error.
enum Hierarchy {
    static func ancestors(of concepts: [String: Concept]) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for iri in concepts.keys.sorted() {
            result[iri] = try closure(iri, concepts)
        }
        return result
    }

    private static func closure(_ start: String, _ concepts: [String: Concept]) throws -> [String] {
        var ordered: [String] = []
        var seen: Set<String> = []
        var frontier = [(start, [start])]
        while !frontier.isEmpty {
            var next: [(String, [String])] = []
            for (iri, path) in frontier {
                for parent in concepts[iri]?.broader ?? [] {
                    if parent == start || path.contains(parent) { throw VocabularyError.broaderCycle(path + [parent]) }
                    if seen.insert(parent).inserted { ordered.append(parent) }
                    next.append((parent, path + [parent]))
                }
            }
            frontier = next
        }
        return ordered
    }
}
