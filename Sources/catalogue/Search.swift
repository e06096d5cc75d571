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
            TEXT is words, all of which must match (stemmed English), and "quoted phrases"; there are no \
            operators: AND, OR, NOT, +, -, * and field: are words or separators. At most \(SearchText.maximumLength) \
            characters and \(SearchText.maximumWords) words.

            FIELD is one of cancerType, modality, bodySite, node, accessRights. For the concept fields, \
            VALUE is a concept IRI or a code written SYSTEM:CODE (icd10:C50, dicom:MR, oncotree:NSCLC, \
            ncit:C4878, snomed:…, eucaim:…). Filters on one field are ORed, different fields are ANDed; \
            a filter on a concept also finds datasets mapped to its narrower concepts.
            """
        )

        @OptionGroup var homeOptions: HomeOptions

        @Argument(help: ArgumentHelp("Words (all must match; stemmed English) and \"quoted phrases\"; no operators.", valueName: "text"))
        var words: [String] = []

        @Option(name: .customLong("filter"), help: ArgumentHelp("A facet filter, FIELD=VALUE; repeatable.", valueName: "field=value"))
        var filters: [String] = []

        @Option(help: "Sort order.")
        var sort: SearchRequest.Sort = .relevance

        @Option(help: "Page number, from 1 (page × per-page at most \(SearchQuery.maximumReach)).")
        var page = 1

        @Option(name: .customLong("per-page"), help: "Datasets per page (1–\(SearchQuery.perPageRange.upperBound)).")
        var perPage = 20

        @Flag(help: "Print the result as JSON (the contract in docs/cli.md).")
        var json = false

        /// The obvious mistakes, refused with the option's name; the engine checks paging again
        /// (with the reach limit), so every client is held to the same bounds.
        func validate() throws {
            guard page >= 1 else { throw ValidationError("--page must be 1 or more, got \(page)") }
            let range = SearchQuery.perPageRange
            guard range.contains(perPage) else {
                throw ValidationError("--per-page must be between \(range.lowerBound) and \(range.upperBound), got \(perPage)")
            }
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
