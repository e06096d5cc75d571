import Foundation
import CatalogueModel

/// Reads a morphology ("squamous cell carcinoma", "adenocarcinoma", ICD-O-3 8070/3) together with
/// where the dataset says the disease is (its body sites, a site-level cancer type, its title)
/// and finds the site-specific concept ("lung squamous cell carcinoma"). Alone, or when the sites
/// point at several concepts, the morphology concept stays.
///
/// Sites are compared as ICD-O-3 topography / ICD-10 categories ("C34"), which both schemes
/// carry, so the rule follows the vocabularies: a curator who adds a concept with a morphology
/// and a site makes it reachable here without code changes.
struct ContextResolver {
    let vocabulary: Vocabulary

    /// The ICD site categories of a concept: its own topography/ICD-10 codes, else its nearest
    /// ancestors'. Ranges ("C00-C97") are not sites.
    func sites(of iri: String) -> Set<String> {
        vocabulary.siteCategories[iri] ?? []
    }

    /// A concept's own site categories: its topography and ICD-10 codes, and the categories of a
    /// narrow range ("C18-C20" → C18, C19, C20). Wide ranges ("C00-C97", any cancer) are not sites.
    static func ownSites(_ concept: Concept) -> Set<String> {
        var sites = Set<String>()
        for notation in concept.notations where notation.type == .icd10 || notation.type == .icdo3Topography {
            let code = notation.code.uppercased()
            if let range = ICDRange(code) {
                guard range.lower.letter == range.upper.letter, range.upper.number - range.lower.number <= 5 else { continue }
                for number in range.lower.number...range.upper.number { sites.insert(String(range.lower.letter) + String(format: "%02d", number)) }
            } else {
                sites.insert(String(code.prefix(3)))
            }
        }
        return sites
    }

    func morphologies(of iri: String) -> [String] {
        vocabulary.concept(iri: iri)?.notations.filter { $0.type == .icdo3Morphology }.map(\.code) ?? []
    }

    /// A morphology concept: it carries a morphology code and says nothing about a site.
    func isMorphology(_ iri: String) -> Bool {
        vocabulary.siteCategories[iri] == nil && vocabulary.concept(iri: iri)?.notations.contains { $0.type == .icdo3Morphology } == true
    }

    /// The site-specific concept for a morphology concept and the dataset's site categories.
    func resolve(_ morphology: String, sites datasetSites: Set<String>, lookup: inout Lookup) -> String? {
        let codes = morphologies(of: morphology)
        guard !codes.isEmpty, !datasetSites.isEmpty else { return nil }
        var candidates: [String] = []
        for code in codes {
            for iri in lookup.code(code, .icdo3, .cancerType) where iri != morphology && !candidates.contains(iri) {
                if !sites(of: iri).isDisjoint(with: datasetSites) { candidates.append(iri) }
            }
        }
        let specific = candidates.filter { candidate in
            !candidates.contains { other in other != candidate && vocabulary.ancestors(of: other).contains(candidate) }
        }
        return specific.count == 1 ? specific[0] : nil
    }
}
