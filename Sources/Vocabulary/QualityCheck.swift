import CatalogueModel
import Foundation

/// The vocabulary checks of `catalogue vocab check`, also run before every edit is committed.
///
/// Choices (see reference/vocab.md §5): labels and codes are compared per scheme after folding,
/// the way the normaliser compares them, because two concepts answering to one string make
/// normalisation ambiguous. ICD-O-3 morphology codes are exempt from the shared-code check: a
/// morphology is site-independent by design ("adenocarcinoma" of lung and of prostate), and the
/// normaliser resolves it with the body site.
public enum QualityCheck {
    /// `usage`: datasets per concept IRI (for `deprecatedInUse`); empty when not known.
    public static func run(_ vocabulary: Vocabulary, usage: [String: Int] = [:]) -> [QualityFinding] {
        let live = vocabulary.allConcepts.filter { !$0.deprecated }
        var findings: [QualityFinding] = []
        findings += hierarchy(vocabulary)
        findings += labels(live)
        findings += codes(live)
        for concept in vocabulary.allConcepts {
            if concept.prefLabels["en"]?.isEmpty != false {
                findings.append(error("missingEnglishPrefLabel", [concept.iri], "\(concept.iri) has no English prefLabel"))
            }
            for notation in concept.notations where notation.type.system == nil {
                findings.append(error("unknownCodeSystem", [concept.iri],
                    "\(concept.iri) carries the code \"\(notation.code)\" of an unknown system \(notation.type.rawValue.isEmpty ? "(untyped notation)" : "<\(notation.type.rawValue)>")"))
            }
            if concept.deprecated, let count = usage[concept.iri], count > 0 {
                findings.append(warning("deprecatedInUse", [concept.iri],
                    "\(concept.iri) is deprecated but \(count) dataset(s) still map to it\(concept.replacedBy == nil ? " (it has no replacement)" : "")"))
            }
        }
        return findings
    }

    private static func hierarchy(_ vocabulary: Vocabulary) -> [QualityFinding] {
        var findings: [QualityFinding] = []
        for concept in vocabulary.allConcepts where !concept.deprecated {
            if concept.broader.isEmpty && !concept.topConcept {
                findings.append(error("orphan", [concept.iri],
                    "\(concept.iri) (\(concept.label)) has no broader concept and is not a top concept of its scheme"))
            }
            if concept.topConcept && !concept.broader.isEmpty {
                findings.append(warning("topConceptWithBroader", [concept.iri], "top concept \(concept.iri) has a broader concept"))
            }
            for parent in concept.broader where vocabulary.concept(iri: parent)?.deprecated == true {
                findings.append(error("broaderDeprecated", [concept.iri, parent], "\(concept.iri) has the deprecated concept \(parent) as broader"))
            }
            let ancestors = Set(vocabulary.ancestors(of: concept.iri))
            for other in concept.related {
                if vocabulary.concept(iri: other) == nil {
                    findings.append(error("danglingRelated", [concept.iri, other], "\(concept.iri) is related to \(other), which is not a concept"))
                } else if ancestors.contains(other) || vocabulary.ancestors(of: other).contains(concept.iri) {
                    findings.append(warning("relatedIsBroader", [concept.iri, other], "\(concept.iri) is both related to and narrower or broader than \(other)"))
                }
            }
        }
        return findings
    }

    private static func labels(_ concepts: [Concept]) -> [QualityFinding] {
        var findings: [QualityFinding] = []
        var prefOwners: [String: [String]] = [:]
        var labelOwners: [String: [String]] = [:]
        for concept in concepts {
            for (language, label) in concept.prefLabels {
                prefOwners["\(concept.scheme)|\(language)|\(label)", default: []].append(concept.iri)
            }
            for folded in Set(concept.allLabels.map { LabelFolding.fold($0.value) }) where !folded.isEmpty {
                labelOwners["\(concept.scheme)|\(folded)", default: []].append(concept.iri)
            }
        }
        for (key, owners) in prefOwners.sorted(by: { $0.key < $1.key }) where owners.count > 1 {
            let parts = key.split(separator: "|", maxSplits: 2)
            findings.append(error("duplicatePrefLabel", owners,
                "\(owners.joined(separator: " and ")) have the same prefLabel \"\(parts[2])\"@\(parts[1])"))
        }
        for (key, owners) in labelOwners.sorted(by: { $0.key < $1.key }) where owners.count > 1 {
            let label = key.split(separator: "|", maxSplits: 1)[1]
            findings.append(error("sharedLabel", owners, "the label \"\(label)\" belongs to \(owners.joined(separator: " and "))"))
        }
        return findings
    }

    private static func codes(_ concepts: [Concept]) -> [QualityFinding] {
        var owners: [String: [String]] = [:]
        for concept in concepts {
            for notation in concept.notations where notation.type != .icdo3Morphology {
                guard let system = notation.type.system else { continue }
                owners["\(concept.scheme)|\(system):\(system.canonical(notation.code))", default: []].append(concept.iri)
            }
            for link in concept.matchLinks {
                owners["\(concept.scheme)|\(ConceptIndex.normalisedIRI(link.iri))", default: []].append(concept.iri)
            }
        }
        return owners.sorted(by: { $0.key < $1.key }).compactMap { key, iris in
            let distinct = EditApplier.uniqued(iris)
            guard distinct.count > 1 else { return nil }
            let code = key.split(separator: "|", maxSplits: 1)[1]
            return error("sharedCode", distinct, "the code \(code) is on \(distinct.joined(separator: " and "))")
        }
    }

    private static func error(_ check: String, _ concepts: [String], _ message: String) -> QualityFinding {
        QualityFinding(severity: .error, check: check, concepts: concepts, message: message)
    }

    private static func warning(_ check: String, _ concepts: [String], _ message: String) -> QualityFinding {
        QualityFinding(severity: .warning, check: check, concepts: concepts, message: message)
    }
}
