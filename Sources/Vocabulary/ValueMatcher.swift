import CatalogueModel
import Foundation

/// Matches one raw value against one scheme: IRI, code, label and its variants; then, when the
/// whole value matched nothing, its list items ("PT, CT, SEG"). Every lookup goes through `lookup`,
/// which records it.
struct ValueMatcher {
    let vocabulary: Vocabulary
    var lookup: Lookup

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        lookup = Lookup(index: vocabulary.index)
    }

    struct Outcome {
        var mappings: [ConceptMapping] = []
        var unmatched: [String] = []
    }


    mutating func match(_ value: RawValue, in scheme: ConceptScheme, method: ConceptMapping.Method = .label) -> Outcome {
        switch value {
        case .iri(let iri):
            let found = lookup.iri(iri, scheme)
            return found.isEmpty ? Outcome(unmatched: [iri]) : Outcome(mappings: found.map { mapping($0, iri, .iri, matched: nil) })
        case .literal(let text, _, _):
            let trimmed = LabelFolding.trimmed(text)
            guard !trimmed.isEmpty else { return Outcome() }
            if let (concepts, how) = single(trimmed, scheme) {
                return Outcome(mappings: concepts.map { mapping($0, trimmed, method == .label ? how : method, matched: nil) })
            }
            let items = Self.split(trimmed)
            guard items.count > 1 else { return Outcome(unmatched: [trimmed]) }
            var outcome = Outcome()
            for item in items {
                if let (concepts, _) = single(item, scheme) {
                    outcome.mappings += concepts.map { mapping($0, trimmed, method == .label ? .split : method, matched: item) }
                } else {
                    outcome.unmatched.append(item)
                }
            }
            return outcome
        }
    }

    /// A mapping to the concept a value now stands for: a deprecated concept's replacement.
    func mapping(_ iri: String, _ value: String, _ method: ConceptMapping.Method, matched: String?) -> ConceptMapping {
        let current = vocabulary.current(iri)
        return ConceptMapping(concept: current, value: value, method: method, matched: matched,
                              via: current == iri ? nil : "replaces deprecated \(iri)")
    }

    /// One value without list splitting: an IRI written as a literal, a code, or a label variant.
    mutating func single(_ text: String, _ scheme: ConceptScheme) -> ([String], ConceptMapping.Method)? {
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            let found = lookup.iri(text, scheme)
            return found.isEmpty ? nil : (found, .iri)
        }
        let coded = preferMorphology(codeMatches(text, scheme))
        if !coded.isEmpty { return (coded, .code) }
        let labelled = labelMatches(LabelFolding.fold(text), scheme)
        if !labelled.isEmpty { return (labelled, .label) }
        if let outer = LabelVariants.withoutParentheses(text) {
            let found = labelMatches(LabelFolding.fold(outer), scheme)
            if !found.isEmpty { return (found, .label) }
        }
        // "COVID-19 (non-cancer)": the marker speaks for the whole value, unless it is a list
        // ("Pancreatic cancer; healthy controls"), whose items are read one by one.
        if scheme == .cancerType, Self.split(text).count == 1, NonCancerMarkers.present(in: LabelFolding.fold(text)) {
            let found = lookup.label(NonCancerMarkers.conceptLabel, scheme)
            if !found.isEmpty { return (found, .label) }
        }
        return nil
    }

    /// A morphology code ("8140/3") is carried by the site-less morphology concept and by every
    /// site-specific one; alone it means the morphology, which the dataset's sites may refine.
    private func preferMorphology(_ concepts: [String]) -> [String] {
        guard concepts.count > 1 else { return concepts }
        let resolver = ContextResolver(vocabulary: vocabulary)
        let morphologies = concepts.filter(resolver.isMorphology)
        return morphologies.isEmpty ? concepts : morphologies
    }

    /// Folded label, then its variants, in order of how much they change the text.
    private mutating func labelMatches(_ folded: String, _ scheme: ConceptScheme) -> [String] {
        guard !folded.isEmpty else { return [] }
        var candidates = [folded]
        if scheme == .bodySite, let bare = LabelFolding.withoutLaterality(folded) { candidates.append(bare) }
        if scheme == .modality, let bare = LabelVariants.withoutTracers(folded) { candidates.append(bare) }
        for candidate in candidates {
            let found = lookup.label(candidate, scheme)
            if !found.isEmpty { return found }
            if let singular = LabelVariants.singularLast(candidate) {
                let found = lookup.label(singular, scheme)
                if !found.isEmpty { return found }
            }
            // Word order varies in disease and site names ("Carcinoma, Hepatocellular"); in a
            // modality value it means a list ("CT, PT" is two modalities, not PET/CT).
            guard scheme != .modality else { continue }
            let byWords = lookup.wordSet(candidate, scheme)
            if !byWords.isEmpty { return byWords }
        }
        if scheme == .cancerType {
            let organ = organMatches(folded)
            return organ.isEmpty ? withoutLeadingOrgan(folded) : organ
        }
        return []
    }

    /// "Liver Hepatocellular Carcinoma", "Skin Cutaneous Melanoma" (TCGA study names): an organ
    /// written before a cancer type that names it already; read without the organ.
    private mutating func withoutLeadingOrgan(_ folded: String) -> [String] {
        let words = folded.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return [] }
        for organWords in 1...2 where words.count - organWords >= 2 {
            let organ = words[..<organWords].joined(separator: " ")
            guard !lookup.label(organ, .bodySite).isEmpty else { continue }
            let rest = words[organWords...].joined(separator: " ")
            let found = lookup.label(rest, .cancerType)
            if !found.isEmpty { return found }
            let byWords = lookup.wordSet(rest, .cancerType)
            if !byWords.isEmpty { return byWords }
        }
        return []
    }

    /// Nodes often name the condition by its organ ("Prostate", "Lungs", "Liver tumour"), as
    /// EUCAIM's own search does: read it as that organ's cancer.
    private mutating func organMatches(_ folded: String) -> [String] {
        var words = folded.split(separator: " ").map(String.init)
        if let last = words.last, ["tumour", "tumor", "tumours", "tumors", "neoplasm", "neoplasms", "malignancy", "ca", "cancers"].contains(last), words.count > 1 {
            words.removeLast()
        }
        let organ = words.joined(separator: " ")
        for suffix in [" cancer", " carcinoma"] {
            let found = lookup.wordSet(organ + suffix, .cancerType)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// A code with an explicit system ("ICD-10: C61", "ncit:C4878"), else a short bare code tried in every system.
    private mutating func codeMatches(_ text: String, _ scheme: ConceptScheme) -> [String] {
        if let colon = text.firstIndex(of: ":"), let system = CodeSystem(named: String(text[..<colon])) {
            let code = LabelFolding.trimmed(String(text[text.index(after: colon)...]))
            return code.isEmpty ? [] : lookup.code(code, system, scheme)
        }
        let compact = text.contains(" ") ? String(text.filter { $0 != " " }) : text
        guard compact.count <= 16, !text.contains(" ") || text.count <= 9 else { return [] }
        // Only OncoTree and DICOM codes have no digit ("LUNG", "MR"); other systems are not tried
        // for a value without one, which is most label values.
        let systems = compact.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ? CodeSystems.known : [.oncotree, .dicom]
        for system in systems {
            let found = lookup.code(compact, system, scheme)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Separators of lists written in one literal; they only split after the whole value failed,
    /// so "PET/CT" and "Head and Neck" match as themselves first.
    static let itemSeparators: Set<Character> = [",", ";", "|", "/", "+", "^", "\n"]
    static let wordSeparators = [" and ", " & ", " or "]

    /// The items of a list value.
    static func split(_ text: String) -> [String] {
        var items = text.split(whereSeparator: { itemSeparators.contains($0) }).map(String.init)
        for separator in wordSeparators where items.contains(where: { $0.contains(separator) }) {
            items = items.flatMap { $0.components(separatedBy: separator) }
        }
        return items.map(LabelFolding.trimmed).filter { !$0.isEmpty }
    }
}

/// Words that say a dataset or part of it holds no cancer: controls, phantoms, other diseases.
enum NonCancerMarkers {
    static let conceptLabel = "non cancer"
    static let phrases = ["non cancer", "noncancer", "non malignant", "nonmalignant", "healthy", "control", "controls", "phantom", "phantoms", "no cancer", "cancer free"]

    static let phraseWords: [[Substring]] = phrases.map { $0.split(separator: " ") }

    /// Whether a marker phrase occurs as whole words (compared word by word, no substring search).
    static func present(in folded: String) -> Bool {
        let words = folded.split(separator: " ")
        return phraseWords.contains { phrase in
            guard phrase.count <= words.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
            }
        }
    }
}
