import CatalogueModel
import Foundation

/// The curated vocabularies, loaded and indexed: concepts by IRI, by code, by folded label, and
/// their hierarchy. Immutable, so one instance is shared freely across threads.
public struct Vocabulary: Sendable {
    /// Every concept, in the order the files (or the catalogue) declare them.
    public let allConcepts: [Concept]
    let concepts: [String: Concept]
    let order: [ConceptScheme: [String]]
    let childrenByParent: [String: [String]]
    let ancestorsByConcept: [String: [String]]
    let index: ConceptIndex
    /// ICD site categories per concept ("C34"), its own or its nearest ancestors'; see `ContextResolver`.
    let siteCategories: [String: Set<String>]

    /// Loads every `*.ttl` of `folder` and checks the hierarchy (no dangling broader, no cycle).
    public static func load(from folder: URL) throws -> Vocabulary {
        let loaded = try SKOSLoader.load(folder: folder)
        return try Vocabulary(concepts: loaded.concepts)
    }

    /// Builds a vocabulary from concepts (the loader's output, or concepts made in tests).
    public init(concepts list: [Concept]) throws {
        var concepts: [String: Concept] = [:]
        var order: [ConceptScheme: [String]] = [:]
        var ordered: [Concept] = []
        for concept in list where concepts[concept.iri] == nil {
            concepts[concept.iri] = concept
            order[concept.scheme, default: []].append(concept.iri)
            ordered.append(concept)
        }
        for concept in ordered {
            for parent in concept.broader where concepts[parent]?.scheme != concept.scheme {
                throw VocabularyError.danglingBroader(concept: concept.iri, broader: parent)
            }
            if let replacement = concept.replacedBy, concepts[replacement]?.scheme != concept.scheme {
                throw VocabularyError.danglingReplacement(concept: concept.iri, replacement: replacement)
            }
        }
        allConcepts = ordered
        self.concepts = concepts
        self.order = order
        ancestorsByConcept = try Hierarchy.ancestors(of: concepts)
        var children: [String: [String]] = [:]
        for concept in list {
            for parent in concept.broader where children[parent]?.contains(concept.iri) != true {
                children[parent, default: []].append(concept.iri)
            }
        }
        childrenByParent = children.mapValues { iris in
            iris.sorted { concepts[$0]!.label.localizedStandardCompare(concepts[$1]!.label) == .orderedAscending }
        }
        index = ConceptIndex(concepts: Array(concepts.values))
        var sites: [String: Set<String>] = [:]
        for concept in ordered {
            for candidate in [concept.iri] + (ancestorsByConcept[concept.iri] ?? []) {
                let categories = concepts[candidate].map(ContextResolver.ownSites) ?? []
                if !categories.isEmpty { sites[concept.iri] = categories; break }
            }
        }
        siteCategories = sites
    }

    public func concept(iri: String) -> Concept? { concepts[iri] }

    /// The concept values naming `iri` now go to: itself, or the end of its chain of replacements.
    public func current(_ iri: String) -> String {
        var target = iri
        var seen: Set<String> = [iri]
        while let next = concepts[target]?.replacedBy, seen.insert(next).inserted { target = next }
        return target
    }

    /// Every concept of a scheme, in the order the files declare them.
    public func concepts(in scheme: ConceptScheme) -> [Concept] {
        (order[scheme] ?? []).compactMap { concepts[$0] }
    }

    /// Concepts of a scheme with no broader concept.
    public func topConcepts(in scheme: ConceptScheme) -> [Concept] {
        concepts(in: scheme).filter(\.broader.isEmpty)
    }

    /// Direct narrower concepts, by English label.
    public func children(of iri: String) -> [Concept] {
        (childrenByParent[iri] ?? []).compactMap { concepts[$0] }
    }

    /// Every broader concept, transitively (polyhierarchy: all paths), nearest first.
    public func ancestors(of iri: String) -> [String] { ancestorsByConcept[iri] ?? [] }

    /// Every narrower concept, transitively.
    public func descendants(of iri: String) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        var queue = childrenByParent[iri] ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += childrenByParent[next] ?? []
        }
        return result
    }

    public var count: Int { concepts.count }
}
