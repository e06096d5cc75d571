import CatalogueModel
import Foundation

/// Applies one curator edit to the list of concepts, refusing edits that cannot mean anything
/// (an unknown concept, a label it already has, a code it does not carry). Whether the result is
/// a sound vocabulary is checked afterwards, on the whole, by `Vocabulary.init` and `QualityCheck`.
struct EditApplier {
    var concepts: [Concept]
    private var positions: [String: Int]

    init(_ concepts: [Concept]) {
        self.concepts = concepts
        positions = Dictionary(concepts.enumerated().map { ($1.iri, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The IRIs whose concepts the edit changed or created.
    mutating func apply(_ edit: VocabularyEdit) throws -> Set<String> {
        do { try edit.validate() } catch { throw Self.refusal(error) }
        switch edit {
        case .addConcept(let scheme, let id, let label, let broader):
            return try addConcept(scheme, id, label, broader)
        case .addLabel(let iri, let label, let kind):
            try update(iri) { try Self.addLabel(label, kind, to: &$0) }
        case .removeLabel(let iri, let label):
            try update(iri) { try Self.removeLabel(label, from: &$0) }
        case .setBroader(let iri, let broader):
            for parent in broader { _ = try concept(parent) }
            try update(iri) { concept in
                guard !broader.contains(concept.iri) else { throw VocabularyEditError.selfReference(concept.iri) }
                concept.broader = broader
                if !broader.isEmpty { concept.topConcept = false }
            }
        case .addCode(let iri, let system, let code):
            try update(iri) { try Self.addCode(system, code, to: &$0) }
        case .removeCode(let iri, let system, let code):
            try update(iri) { try Self.removeCode(system, code, from: &$0) }
        case .mapValue(let value, let iri):
            try update(iri) { try Self.map(value, to: &$0) }
        case .deprecate(let iri, let replacement):
            return try deprecate(iri, replacement)
        case .merge(let source, let target):
            return try merge(source, into: target)
        }
        return [edit.primaryConcept]
    }

    func concept(_ iri: String) throws -> Concept {
        guard let position = positions[iri] else { throw VocabularyEditError.unknownConcept(iri) }
        return concepts[position]
    }

    private mutating func update(_ iri: String, _ change: (inout Concept) throws -> Void) throws {
        guard let position = positions[iri] else { throw VocabularyEditError.unknownConcept(iri) }
        var concept = concepts[position]
        try change(&concept)
        concepts[position] = concept
    }

    private mutating func addConcept(_ scheme: ConceptScheme, _ id: String, _ label: LangString, _ broader: [String]) throws -> Set<String> {
        guard id.first?.isLetter == true, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw VocabularyEditError.invalidIdentifier(id)
        }
        let iri = SchemeCatalog.conceptIRI(id, in: scheme)
        guard positions[iri] == nil else { throw VocabularyEditError.conceptExists(iri) }
        for parent in broader where try concept(parent).scheme != scheme {
            throw VocabularyEditError.broaderInOtherScheme(concept: iri, broader: parent)
        }
        guard !label.value.trimmingCharacters(in: .whitespaces).isEmpty else { throw VocabularyEditError.emptyLabel }
        positions[iri] = concepts.count
        // In a hierarchy a new concept must hang somewhere: without a broader concept it is an
        // orphan and the quality check refuses it. Code lists are flat, every entry a top concept.
        let top = broader.isEmpty && ConceptScheme.codeLists.contains(scheme)
        concepts.append(Concept(
            iri: iri, scheme: scheme, prefLabels: [label.language ?? "en": label.value.trimmingCharacters(in: .whitespaces)],
            broader: broader, topConcept: top))
        return [iri]
    }

    private mutating func deprecate(_ iri: String, _ replacement: String?) throws -> Set<String> {
        if let replacement {
            let target = try concept(replacement)
            guard target.iri != iri else { throw VocabularyEditError.selfReference(iri) }
            guard !target.deprecated else { throw VocabularyEditError.replacementDeprecated(replacement) }
        }
        let children = concepts.filter { $0.broader.contains(iri) }.map(\.iri)
        try update(iri) { concept in
            guard !concept.deprecated else { throw VocabularyEditError.alreadyDeprecated(iri) }
            concept.deprecated = true
            concept.replacedBy = replacement
        }
        // Children move up to the deprecated concept's parents (or its replacement), so no
        // concept hangs below a deprecated one.
        let parents = try concept(iri).broader
        for child in children {
            try update(child) { child in
                child.broader = Self.uniqued(child.broader.flatMap { $0 == iri ? (replacement.map { [$0] } ?? parents) : [$0] })
            }
        }
        return Set([iri] + children)
    }

    private mutating func merge(_ source: String, into target: String) throws -> Set<String> {
        guard source != target else { throw VocabularyEditError.selfReference(source) }
        let from = try concept(source)
        let into = try concept(target)
        guard from.scheme == into.scheme else { throw VocabularyEditError.broaderInOtherScheme(concept: source, broader: target) }
        guard !from.deprecated, !into.deprecated else { throw VocabularyEditError.alreadyDeprecated(from.deprecated ? source : target) }
        try update(target) { concept in
            let known = Set(concept.allLabels.map { LabelFolding.fold($0.value) })
            for label in from.allLabels where !known.contains(LabelFolding.fold(label.value)) {
                concept.altLabels.append(label)
            }
            concept.notations += from.notations.filter { !concept.notations.contains($0) }
            concept.matchLinks += from.matchLinks.filter { !concept.matchLinks.contains($0) }
            concept.broader = Self.uniqued(concept.broader.flatMap { $0 == source ? from.broader : [$0] })
        }
        try update(source) { concept in
            let english = concept.prefLabels["en"] ?? concept.label
            concept.prefLabels = ["en": english]
            concept.altLabels = []
            concept.hiddenLabels = []
            concept.notations = []
            concept.matchLinks = []
            concept.editorialNotes.append(LangString("Merged into \(target).", language: "en"))
        }
        return try deprecate(source, target).union([target])
    }

    /// A malformed value as a refused edit, so every caller (CLI, server, import) shows it the
    /// same way: field, value and what is allowed.
    static func refusal(_ error: VocabularyEdit.InvalidValue) -> VocabularyEditError {
        .breaksVocabulary(error.description)
    }

    static func uniqued(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension VocabularyEdit {
    /// The concept an edit is about (for the history); a new concept's IRI for `addConcept`.
    var primaryConcept: String {
        switch self {
        case .addConcept(let scheme, let id, _, _): SchemeCatalog.conceptIRI(id, in: scheme)
        case .addLabel(let concept, _, _), .removeLabel(let concept, _), .setBroader(let concept, _),
             .addCode(let concept, _, _), .removeCode(let concept, _, _), .mapValue(_, let concept),
             .deprecate(let concept, _), .merge(_, let concept):
            concept
        }
    }
}

extension Vocabulary {
    /// Checks the values of whole concepts as an import brings them: every language tag (labels,
    /// notes) well-formed BCP 47. The first malformed one refuses the lot, naming the concept.
    public static func validateValues(of concepts: [Concept]) throws {
        for concept in concepts {
            for language in concept.prefLabels.keys.sorted() {
                do {
                    try VocabularyEdit.validateLanguage(language, of: "the prefLabel of \(concept.iri)")
                } catch { throw EditApplier.refusal(error) }
            }
            let tagged: [(String, [LangString])] = [
                ("an altLabel", concept.altLabels), ("a hiddenLabel", concept.hiddenLabels),
                ("a scopeNote", concept.scopeNotes), ("an editorialNote", concept.editorialNotes),
            ]
            for (kind, values) in tagged {
                for value in values {
                    do {
                        try VocabularyEdit.validateLanguage(value.language, of: "\(kind) of \(concept.iri)")
                    } catch { throw EditApplier.refusal(error) }
                }
            }
        }
    }
}
