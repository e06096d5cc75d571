import CatalogueModel
import Foundation

/// Lookup tables from what nodes write to concept IRIs, per scheme: IRIs (the concept's own and
/// its match IRIs), codes by system, and folded labels in every language.
struct ConceptIndex: Sendable {
    private var byIRI: [String: [String]] = [:]
    private var byCode: [ConceptScheme: [CodeSystem: [String: [String]]]] = [:]
    private var icdRanges: [ConceptScheme: [(range: ICDRange, iri: String)]] = [:]
    private var byLabel: [ConceptScheme: [String: [String]]] = [:]
    private var byWordSet: [ConceptScheme: [String: [String]]] = [:]
    private var schemeOf: [String: ConceptScheme] = [:]

    init(concepts: [Concept]) {
        for concept in concepts.sorted(by: { $0.iri < $1.iri }) {
            schemeOf[concept.iri] = concept.scheme
            for iri in [concept.iri] + concept.matches { byIRI[Self.normalisedIRI(iri), default: []].append(concept.iri) }
            for (system, codes) in concept.codes {
                for code in codes {
                    if system == .icd10, let range = ICDRange(code) {
                        icdRanges[concept.scheme, default: []].append((range, concept.iri))
                    } else {
                        byCode[concept.scheme, default: [:]][system, default: [:]][system.canonical(code), default: []].append(concept.iri)
                    }
                }
            }
            for label in concept.allLabels {
                let folded = LabelFolding.fold(label.value)
                guard !folded.isEmpty else { continue }
                if byLabel[concept.scheme, default: [:]][folded]?.contains(concept.iri) != true {
                    byLabel[concept.scheme, default: [:]][folded, default: []].append(concept.iri)
                }
                let key = LabelVariants.wordSetKey(folded)
                if !key.isEmpty, byWordSet[concept.scheme, default: [:]][key]?.contains(concept.iri) != true {
                    byWordSet[concept.scheme, default: [:]][key, default: []].append(concept.iri)
                }
            }
        }
    }

    /// http/https, host case, a trailing slash and EUCAIM's two namespaces are not differences.
    static func normalisedIRI(_ iri: String) -> String {
        var text = iri.utf8.first == 0x20 || iri.utf8.last == 0x20 ? iri.trimmingCharacters(in: .whitespaces) : iri
        if text.hasPrefix("http://") { text = "https://" + text.dropFirst(7) }
        let eucaimAlias = "https://hyperontology.eucaim.cancerimage.eu/#"
        if text.hasPrefix(eucaimAlias) { text = "https://cancerimage.eu/ontology/EUCAIM#" + text.dropFirst(eucaimAlias.count) }
        while text.hasSuffix("/") { text.removeLast() }
        // Lower-case the host: the bytes between "://" and the next "/" or "#".
        var bytes = Array(text.utf8)
        guard let schemeEnd = bytes.indices.first(where: { $0 + 2 < bytes.count && bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) else {
            return text
        }
        var index = schemeEnd + 3
        var changed = false
        while index < bytes.count, bytes[index] != 0x2F, bytes[index] != 0x23 {
            if bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20; changed = true }
            index += 1
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    func concepts(iri: String, in scheme: ConceptScheme) -> [String] {
        (byIRI[Self.normalisedIRI(iri)] ?? []).filter { schemeOf[$0] == scheme }
    }

    /// Concepts carrying `code` in `system`; an ICD code not carried falls back to its carried
    /// parent ("C34.9" → the concept with "C34") and then to a carried range ("C01" → "C00-C14").
    func concepts(code: String, system: CodeSystem, in scheme: ConceptScheme) -> [String] {
        concepts(canonicalCode: system.canonical(code), system: system, in: scheme)
    }

    /// `concepts(code:…)` for a code already in its canonical form.
    func concepts(canonicalCode canonical: String, system: CodeSystem, in scheme: ConceptScheme) -> [String] {
        let table = byCode[scheme]?[system] ?? [:]
        if let found = table[canonical] { return found }
        guard system == .icd10 || (system == .icdo3 && CodeSystem.isTopography(canonical)) else { return [] }
        if let dot = canonical.firstIndex(of: "."), let parent = table[String(canonical[..<dot])] { return parent }
        guard system == .icd10, let category = ICDRange.Category(canonical) else { return [] }
        return (icdRanges[scheme] ?? []).filter { $0.range.contains(category) }.map(\.iri)
    }

    func concepts(foldedLabel: String, in scheme: ConceptScheme) -> [String] {
        byLabel[scheme]?[foldedLabel] ?? []
    }

    func concepts(wordSet key: String, in scheme: ConceptScheme) -> [String] {
        byWordSet[scheme]?[key] ?? []
    }

    /// Whether an ICD-10 code would fall back to the carried ranges (for recording the lookup).
    func usesRanges(canonicalCode canonical: String, system: CodeSystem, in scheme: ConceptScheme) -> Bool {
        guard system == .icd10 else { return false }
        let table = byCode[scheme]?[system] ?? [:]
        if table[canonical] != nil { return false }
        if let dot = canonical.firstIndex(of: "."), table[String(canonical[..<dot])] != nil { return false }
        return ICDRange.Category(canonical) != nil
    }
}
