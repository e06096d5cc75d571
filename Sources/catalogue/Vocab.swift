import Foundation
import ArgumentParser
import CatalogueEngine
import CatalogueModel

extension Catalogue {
    /// `catalogue vocab …`: the curated vocabularies.
    struct Vocab: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show and curate the SKOS vocabularies: edits, history and undo, quality checks, the unmapped queue, export and import.",
            discussion: """
                Every edit is checked (refused with the reason when it would break the vocabulary), stored as a change \
                set with --author and --reason, re-normalises the datasets it affects and updates search at once. \
                Concepts are named by IRI, PREFIX:ID (ct:nsclc, mod:mr, bs:lung) or SCHEME:ID (cancerType:nsclc).
                """,
            subcommands: [
                List.self, Unmapped.self, Map.self, AddConcept.self, AddLabel.self, RemoveLabel.self, SetBroader.self,
                AddCode.self, RemoveCode.self, Deprecate.self, Merge.self, History.self, Undo.self, Check.self,
                Export.self, Import.self,
            ]
        )
    }
}

extension Catalogue.Vocab {
    /// `catalogue vocab list [SCHEME]`: the concepts of one or every scheme, as a tree with their codes.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the concepts of a vocabulary as a tree, with their codes.")

        @OptionGroup var homeOptions: HomeOptions

        @Argument(help: ArgumentHelp("cancerType, modality, bodySite, tier, datasetType, collectionMethod, sex or accessCondition (or the Turtle prefix: ct, mod, bs, …); all when omitted.", valueName: "scheme"))
        var scheme: String?

        @Flag(help: "Print the concepts as JSON.")
        var json = false

        func validate() throws {
            if let scheme, CatalogueService.scheme(named: scheme) == nil {
                throw ValidationError("unknown vocabulary '\(scheme)': use \(ConceptScheme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let schemes = scheme.flatMap(CatalogueService.scheme(named:)).map { [$0] } ?? ConceptScheme.allCases
            if json {
                try JSONOutput.print(schemes.flatMap { catalogue.conceptTree($0) })
                return
            }
            for scheme in schemes {
                let rows = catalogue.conceptTree(scheme)
                print("\(scheme.rawValue) (\(rows.count) concepts)")
                for row in rows {
                    print(VocabularyRow.render(row))
                }
            }
        }
    }
}
