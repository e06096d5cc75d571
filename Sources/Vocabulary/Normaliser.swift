import CatalogueModel
import Foundation

/// Maps a harvested record's values onto the curated concepts and canonical codes.
///
/// Each field is matched only against its own scheme (so "MR" or "CAP" cannot leak across
/// fields). Per value: IRI, code, label and its variants, then list items. A cancer type that is
/// only a morphology is read with the dataset's sites. A scheme whose structured values gave
/// nothing is looked for in the keywords, then in the title. Values that match nothing are kept
/// in `unmapped`, for the curators' queue.
public struct Normaliser: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// A normalised record and the lookups it rested on (see `ProbeKey`).
    public struct Result: Sendable {
        public var dataset: NormalisedDataset
        public var probes: Set<String>
    }

    public func normalise(_ raw: RawDataset, node: String) -> NormalisedDataset {
        normaliseRecordingProbes(raw, node: node).dataset
    }

    public func normaliseRecordingProbes(_ raw: RawDataset, node: String) -> Result {
        var dataset = Self.copyPlainFields(raw, node: node)
        var matcher = ValueMatcher(vocabulary: vocabulary)
        dataset.bodySites = map(raw.bodyParts, .bodySite, field: "bodySite", raw, &matcher, &dataset.unmapped)
        dataset.modalities = map(raw.modalities, .modality, field: "modality", raw, &matcher, &dataset.unmapped)
        var cancerTypes = map(raw.conditions, .cancerType, field: "cancerType", raw, &matcher, &dataset.unmapped)
        cancerTypes = resolveMorphologies(cancerTypes, dataset: dataset, raw: raw, matcher: &matcher)
        dataset.cancerTypes = mostSpecific(cancerTypes)
        mapCodeLists(raw, into: &dataset, &matcher)
        if let access = raw.accessRights {
            dataset.accessRights = AccessRights.code(for: access)
            if dataset.accessRights == nil { dataset.unmapped.append(UnmappedValue(field: "accessRights", value: access.text)) }
        }
        var probes = matcher.lookup.probes
        for scheme in ConceptScheme.allCases {
            for iri in dataset.concepts(scheme) {
                probes.insert(ProbeKey.concept(iri))
                for ancestor in vocabulary.ancestors(of: iri) { probes.insert(ProbeKey.concept(ancestor)) }
            }
        }
        return Result(dataset: dataset, probes: probes)
    }

    static func copyPlainFields(_ raw: RawDataset, node: String) -> NormalisedDataset {
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
        return dataset
    }

    /// Structured values first; when they gave nothing, keywords, then the title.
    private func map(
        _ values: [RawValue], _ scheme: ConceptScheme, field: String, _ raw: RawDataset,
        _ matcher: inout ValueMatcher, _ unmapped: inout [UnmappedValue]
    ) -> [ConceptMapping] {
        var mappings: [ConceptMapping] = []
        for value in values {
            let outcome = matcher.match(value, in: scheme)
            mappings += outcome.mappings
            for text in outcome.unmatched where !unmapped.contains(UnmappedValue(field: field, value: text)) {
                unmapped.append(UnmappedValue(field: field, value: text))
            }
        }
        if mappings.isEmpty {
            for keyword in raw.keywords {
                mappings += matcher.match(.literal(keyword.value, language: keyword.language), in: scheme, method: .keyword).mappings
            }
        }
        if mappings.isEmpty {
            for title in raw.titles {
                mappings += TextScanner.scan(title.value, in: scheme, lookup: &matcher.lookup).map {
                    matcher.mapping($0.concept, title.value, .title, matched: $0.phrase)
                }
            }
        }
        return mostSpecific(mappings)
    }

    /// Morphology concepts read with the dataset's sites: body sites, site-level cancer types and
    /// body-site labels in the title.
    private func resolveMorphologies(
        _ mappings: [ConceptMapping], dataset: NormalisedDataset, raw: RawDataset, matcher: inout ValueMatcher
    ) -> [ConceptMapping] {
        let resolver = ContextResolver(vocabulary: vocabulary)
        guard mappings.contains(where: { resolver.isMorphology($0.concept) }) else { return mappings }
        var sites = Set<String>()
        var siteNames: [String] = []
        for mapping in dataset.bodySites + mappings where !resolver.isMorphology(mapping.concept) {
            let found = resolver.sites(of: mapping.concept)
            if !found.isEmpty { sites.formUnion(found); siteNames.append(vocabulary.concept(iri: mapping.concept)?.label ?? mapping.concept) }
        }
        for title in raw.titles {
            for hit in TextScanner.scan(title.value, in: .bodySite, lookup: &matcher.lookup) {
                let found = resolver.sites(of: hit.concept)
                if !found.isEmpty { sites.formUnion(found); siteNames.append(hit.phrase) }
            }
        }
        return mappings.map { mapping in
            guard resolver.isMorphology(mapping.concept),
                  let specific = resolver.resolve(mapping.concept, sites: sites, lookup: &matcher.lookup) else { return mapping }
            return ConceptMapping(
                concept: specific, value: mapping.value, method: .context, matched: mapping.matched ?? mapping.value,
                via: "site: " + EditApplier.uniqued(siteNames).joined(separator: ", "))
        }
    }

    /// Tier, dataset type, collection method and sex, from the properties EUCAIM puts them in.
    private func mapCodeLists(_ raw: RawDataset, into dataset: inout NormalisedDataset, _ matcher: inout ValueMatcher) {
        var sources: [(ConceptScheme, [RawValue])] = [(.tier, raw.interoperabilityLevel.map { [$0] } ?? [])]
        for (scheme, suffixes) in [(ConceptScheme.datasetType, ["purl.org/dc/terms/type"]),
                                   (.collectionMethod, ["#collectionMethod", "/collectionMethod"]),
                                   (.sex, ["#hasBirthSex", "/hasBirthSex"])] {
            let values = raw.otherProperties.filter { key, _ in suffixes.contains { key.hasSuffix($0) } }
                .sorted { $0.key < $1.key }.flatMap(\.value)
            sources.append((scheme, values))
        }
        for (scheme, values) in sources where !values.isEmpty {
            var mappings: [ConceptMapping] = []
            for value in values {
                let outcome = matcher.match(value, in: scheme)
                mappings += outcome.mappings
                for text in outcome.unmatched { dataset.unmapped.append(UnmappedValue(field: scheme.rawValue, value: text)) }
            }
            if !mappings.isEmpty { dataset.codeLists[scheme] = mostSpecific(mappings) }
        }
    }

    /// Drops mappings to a concept that is an ancestor of another mapped concept, and duplicates.
    private func mostSpecific(_ mappings: [ConceptMapping]) -> [ConceptMapping] {
        let concepts = Set(mappings.map(\.concept))
        let covered = Set(concepts.flatMap { vocabulary.ancestors(of: $0) })
        var seen = Set<String>()
        return mappings.filter { !covered.contains($0.concept) && seen.insert($0.concept).inserted }
    }
}
