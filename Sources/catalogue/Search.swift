import ArgumentParser
import CatalogueEngine
import CatalogueModel

extension SearchRequest.Sort: ExpressibleByArgument {}

extension Catalogue {
    /// `catalogue search [TEXT] [--filter FIELD=VALUE]...`: faceted dataset search with exact counts.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search datasets: free text, facet filters, exact totals and facet counts.",
            discussion: """
            FIELD is one of cancerType, modality, bodySite, node, accessRights. For the concept fields, \
            VALUE is a concept IRI or a code written SYSTEM:CODE (icd10:C50, dicom:MR, oncotree:NSCLC, \
            ncit:C4878, snomed:…, eucaim:…). Filters on one field are ORed, different fields are ANDed; \
            a filter on a concept also finds datasets mapped to its narrower concepts.
            """
        )

        @OptionGroup var homeOptions: HomeOptions

        @Argument(help: ArgumentHelp("Free text (stemmed English; all words must match).", valueName: "text"))
        var words: [String] = []

        @Option(name: .customLong("filter"), help: ArgumentHelp("A facet filter, FIELD=VALUE; repeatable.", valueName: "field=value"))
        var filters: [String] = []

        @Option(help: "Sort order.")
        var sort: SearchRequest.Sort = .relevance

        @Option(help: "Page number, from 1.")
        var page = 1

        @Option(name: .customLong("per-page"), help: "Datasets per page (1–1000).")
        var perPage = 20

        @Flag(help: "Print the result as JSON (the contract in docs/cli.md).")
        var json = false

        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page must be 1 or more, got \(page)") }
            guard (1...1000).contains(perPage) else { throw ValidationError("--per-page must be between 1 and 1000, got \(perPage)") }
        }

        func run() throws {
            let catalogue = try homeOptions.open()
            let query = SearchQuery(text: words.joined(separator: " "), filters: filters, sort: sort, page: page, perPage: perPage)
            let response = try withUserFacingErrors { try catalogue.search(query) }
            if json {
                try JSONOutput.print(response)
            } else {
                print(SearchResultPrinter.render(response))
            }
        }
    }
}
