import ArgumentParser
import CatalogueEngine
import CatalogueModel

// The curator operations of `catalogue vocab`: each builds one `VocabularyEdit`, which the
// engine checks, stores as a change set and applies to the datasets and the index at once.
// Concepts are named as IRIs, `ct:ID`/`mod:ID`/`bs:ID` or `SCHEME:ID`.

extension Catalogue.Vocab {
    struct AddConcept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-concept", abstract: "Add a concept to a scheme, under one or more broader concepts.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The scheme: cancerType, modality, bodySite, tier, datasetType, collectionMethod, sex, accessCondition.")
        var scheme: String
        @Argument(help: "The new concept's id: 1–64 lower-case letters, digits and '-', starting with a letter; the last part of its IRI.")
        var id: String
        @Argument(help: "Its prefLabel: TEXT (English) or TEXT@LANG, LANG a BCP 47 tag such as de or pt-BR.")
        var label: String
        @Option(name: .customLong("broader"), help: "A broader concept (repeatable); required in a hierarchy.")
        var broader: [String] = []

        func run() throws {
            guard let parsed = CatalogueService.scheme(named: scheme) else {
                throw ValidationError("unknown scheme '\(scheme)': use \(ConceptScheme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try edit.run(home) { catalogue in
                .addConcept(scheme: parsed, id: id, prefLabel: try LabelArgument.parse(label, language: nil),
                            broader: try broader.map(catalogue.resolveConcept))
            }
        }
    }

    struct AddLabel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-label", abstract: "Add a pref, alt or hidden label in any language to a concept.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Argument(help: "The label: TEXT or TEXT@LANG (default English).") var label: String
        @Option(help: "pref, alt or hidden (a hidden label is found but never shown).") var kind: VocabularyEdit.LabelKind = .alt
        @Option(help: "The label's BCP 47 language tag, such as de or pt-BR (instead of TEXT@LANG).") var language: String?

        func run() throws {
            try edit.run(home) { catalogue in
                .addLabel(concept: try catalogue.resolveConcept(concept), label: try LabelArgument.parse(label, language: language), kind: kind)
            }
        }
    }

    struct RemoveLabel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-label", abstract: "Remove an alt or hidden label from a concept.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Argument(help: "The label: TEXT or TEXT@LANG (default English).") var label: String
        @Option(help: "The label's language tag (instead of TEXT@LANG).") var language: String?

        func run() throws {
            try edit.run(home) { catalogue in
                .removeLabel(concept: try catalogue.resolveConcept(concept), label: try LabelArgument.parse(label, language: language))
            }
        }
    }

    struct SetBroader: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-broader", abstract: "Set (replace) the broader concepts of a concept.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Argument(help: "Its new broader concepts (none: it must already be a top concept).") var broader: [String] = []

        func run() throws {
            try edit.run(home) { catalogue in
                .setBroader(concept: try catalogue.resolveConcept(concept), broader: try broader.map(catalogue.resolveConcept))
            }
        }
    }

    struct AddCode: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-code", abstract: "Add a cross-reference code (icd10, icdo3, ncit, oncotree, dicom, snomed, eucaim, uberon).")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Argument(help: "The code as SYSTEM:CODE, e.g. icd10:C74 or ncit:C3270.") var code: String

        func run() throws {
            let (system, value) = try CodeArgument.parse(code)
            try edit.run(home) { .addCode(concept: try $0.resolveConcept(concept), system: system, code: value) }
        }
    }

    struct RemoveCode: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-code", abstract: "Remove a cross-reference code from a concept.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Argument(help: "The code as SYSTEM:CODE.") var code: String

        func run() throws {
            let (system, value) = try CodeArgument.parse(code)
            try edit.run(home) { .removeCode(concept: try $0.resolveConcept(concept), system: system, code: value) }
        }
    }

    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Map a raw value (from `vocab unmapped`) to a concept: text becomes a hidden label, SYSTEM:CODE a code, an IRI a close match.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The raw value, exactly as the queue lists it.") var value: String
        @Argument(help: "The concept it means.") var concept: String

        func run() throws {
            try edit.run(home) { .mapValue(value: value, concept: try $0.resolveConcept(concept)) }
        }
    }

    struct Deprecate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deprecate a concept (kept so its IRI resolves); values that named it go to the replacement.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept.") var concept: String
        @Option(name: .customLong("replaced-by"), help: "The concept that replaces it.") var replacement: String?

        func run() throws {
            try edit.run(home) { catalogue in
                .deprecate(concept: try catalogue.resolveConcept(concept), replacement: try replacement.map(catalogue.resolveConcept))
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge SOURCE into TARGET: labels, codes and children move to TARGET; SOURCE is deprecated, replaced by TARGET.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var edit: VocabEditOptions
        @Argument(help: "The concept that goes away.") var source: String
        @Argument(help: "The concept that stays.") var target: String

        func run() throws {
            try edit.run(home) { .merge(source: try $0.resolveConcept(source), target: try $0.resolveConcept(target)) }
        }
    }
}

extension VocabularyEdit.LabelKind: ExpressibleByArgument {}

/// `SYSTEM:CODE` as typed.
enum CodeArgument {
    static func parse(_ text: String) throws -> (CodeSystem, String) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
            throw ValidationError("'\(text)' is not SYSTEM:CODE (e.g. icd10:C74, ncit:C3270)")
        }
        guard let system = CodeSystem(named: String(text[..<colon])) else {
            throw ValidationError("unknown code system '\(text[..<colon])': use icd10, icdo3, ncit, oncotree, dicom, snomed, eucaim or uberon")
        }
        return (system, String(text[text.index(after: colon)...]))
    }
}
