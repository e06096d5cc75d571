import CatalogueModel
import Foundation

/// The keys a normalisation looked up, stored per dataset so that a vocabulary edit finds every
/// dataset whose normalisation it can change without re-normalising the whole catalogue.
///
/// A normalisation depends only on what its lookups answered and on the concepts it mapped to; so
/// an edit can change a dataset's result only if it changes the answer for one of the dataset's
/// keys (a label, word set, code or IRI it gained or lost) or changes a concept the dataset maps to
/// or sits below (`k:`). The same functions make the keys on both sides.
public enum ProbeKey {
    public static func label(_ folded: String) -> String { "l:" + folded }
    public static func wordSet(_ key: String) -> String { "s:" + key }
    public static func code(_ code: String) -> String { "c:" + alphanumeric(code) }
    public static func iri(_ iri: String) -> String { "i:" + ConceptIndex.normalisedIRI(iri) }
    /// A word of a title or keyword that was scanned for labels starting with it.
    public static func word(_ word: String) -> String { "w:" + word }
    public static func concept(_ iri: String) -> String { "k:" + iri }
    /// Consulted when an ICD-10 code fell back to the ranges concepts carry ("C00-C14").
    public static let icdRanges = "c:*range"

    static func alphanumeric(_ code: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in code.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A { scalars.append(Unicode.Scalar(value - 0x20)!) }
                else if (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39) { scalars.append(scalar) }
            } else if CharacterSet.alphanumerics.contains(scalar) {
                scalars.append(contentsOf: String(scalar).uppercased().unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// Every key under which `concept` answers a lookup: what an edit of it can change.
    public static func keys(of concept: Concept) -> Set<String> {
        var keys: Set<String> = [Self.iri(concept.iri)]
        for label in concept.allLabels {
            let folded = LabelFolding.fold(label.value)
            guard !folded.isEmpty else { continue }
            keys.insert(Self.label(folded))
            keys.insert(Self.wordSet(LabelVariants.wordSetKey(folded)))
            if let first = folded.split(separator: " ").first { keys.insert(Self.word(String(first))) }
        }
        for (system, codes) in concept.codes {
            for code in codes {
                if system == .icd10, code.contains("-") { keys.insert(icdRanges) }
                keys.insert(Self.code(system.canonical(code)))
            }
        }
        for link in concept.matchLinks { keys.insert(Self.iri(link.iri)) }
        return keys
    }
}
