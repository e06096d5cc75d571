import Foundation
import CatalogueModel

/// Statement-level differences between two versions of a concept, as readable lines.
public enum ConceptDiff {
    public static func lines(from old: Concept?, to new: Concept) -> [String] {
        statements(of: old).subtracting(statements(of: new)).sorted().map { "- " + $0 }
            + statements(of: new).subtracting(statements(of: old)).sorted().map { "+ " + $0 }
    }

    private static func statements(of concept: Concept?) -> Set<String> {
        guard let concept else { return [] }
        var result: Set<String> = ["inScheme \(concept.scheme)"]
        for (language, label) in concept.prefLabels { result.insert("prefLabel \"\(label)\"@\(language)") }
        for label in concept.altLabels { result.insert("altLabel \(label)") }
        for label in concept.hiddenLabels { result.insert("hiddenLabel \(label)") }
        for parent in concept.broader { result.insert("broader <\(parent)>") }
        for other in concept.related { result.insert("related <\(other)>") }
        for note in concept.scopeNotes { result.insert("scopeNote \(note)") }
        for note in concept.editorialNotes { result.insert("editorialNote \(note)") }
        for notation in concept.notations { result.insert("notation \(notation)") }
        for link in concept.matchLinks { result.insert("\(link.relation.rawValue) <\(link.iri)>") }
        if concept.topConcept { result.insert("topConceptOf \(concept.scheme)") }
        if concept.deprecated { result.insert("deprecated") }
        if let replacement = concept.replacedBy { result.insert("isReplacedBy <\(replacement)>") }
        return result
    }
}

extension Vocabulary {
    /// Reads SKOS concepts from files (any RDF syntax raptor knows, by extension). Concepts of a
    /// scheme the catalogue does not know go to `scheme` when given, else the file is refused.
    /// Concepts read for `vocab import`; values curators could not enter by hand (a malformed
    /// language tag) are refused here too, before any diff is shown.
    public static func concepts(fromFiles files: [URL], scheme: ConceptScheme?) throws -> [Concept] {
        let concepts = try SKOSLoader.load(files: files, format: nil, scheme: scheme).concepts
        try validateValues(of: concepts)
        return concepts
    }
}
