import CatalogueModel
import Foundation

/// Maps a harvested record's values onto the curated concepts and canonical codes.
///
/// Each field is matched only against its own scheme (so "MR" or "CAP" cannot leak across
/// fields). Per value: IRI, then code, then folded label, then — only if the whole value matched
/// nothing — its list items ("PT, CT, SEG"). Values that match nothing are kept in `unmapped`.
public struct Normaliser: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    public func normalise(_ raw: RawDataset, node: String) -> NormalisedDataset {
        var dataset = NormalisedDataset(id: raw.identifier, node: node)
        dataset.iri = raw.iri
        dataset.titles = raw.titles
        dataset.descriptions = raw.descriptions
        dataset.keywords = raw.keywords
        dataset.publisher = raw.publisher?.names.preferred("en") ?? raw.publisher?.iri
        dataset.landingPage = raw.landingPages.first
        dataset.issued = raw.issued.flatMap(DateNormaliser.isoDate)
        dataset.modified = raw.modified.flatMap(DateNormaliser.isoDate)
        dataset.subjects = raw.subjects
        dataset.studies = raw.studies
        dataset.minTypicalAge = raw.minTypicalAge
        dataset.maxTypicalAge = raw.maxTypicalAge
        dataset.distributions = raw.distributions
        dataset.tier = raw.interoperabilityLevel?.text
        let matcher = ValueMatcher(vocabulary: vocabulary)
        dataset.cancerTypes = map(raw.conditions, .cancerType, field: "cancerType", matcher, into: &dataset.unmapped)
        dataset.modalities = map(raw.modalities, .modality, field: "modality", matcher, into: &dataset.unmapped)
        dataset.bodySites = map(raw.bodyParts, .bodySite, field: "bodySite", matcher, into: &dataset.unmapped)
        if let access = raw.accessRights {
            dataset.accessRights = AccessRights.code(for: access)
            if dataset.accessRights == nil { dataset.unmapped.append(UnmappedValue(field: "accessRights", value: access.text)) }
        }
        return dataset
    }

    private func map(
        _ values: [RawValue], _ scheme: ConceptScheme, field: String, _ matcher: ValueMatcher,
        into unmapped: inout [UnmappedValue]
    ) -> [ConceptMapping] {
        var mappings: [ConceptMapping] = []
        for value in values {
            let outcome = matcher.match(value, in: scheme)
            mappings += outcome.mappings
            for text in outcome.unmatched where !unmapped.contains(UnmappedValue(field: field, value: text)) {
                unmapped.append(UnmappedValue(field: field, value: text))
            }
        }
        return mostSpecific(mappings)
    }

    /// Drops mappings to a concept that is an ancestor of another mapped concept, and duplicates.
    private func mostSpecific(_ mappings: [ConceptMapping]) -> [ConceptMapping] {
        let concepts = Set(mappings.map(\.concept))
        let covered = Set(concepts.flatMap { vocabulary.ancestors(of: $0) })
        var seen = Set<String>()
        return mappings.filter { !covered.contains($0.concept) && seen.insert($0.concept).inserted }
    }
}
