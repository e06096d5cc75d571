import CatalogueModel

/// The faceted searches the benchmark times: the kinds of request a researcher's page sends.
enum SearchMix {
    struct QueryClass {
        var name: String
        var make: (inout SeededGenerator) -> SearchQuery
    }

    static func classes(cancer: [ConceptView], modality: [ConceptView], site: [ConceptView], words: [String]) -> [QueryClass] {
        func concept(_ list: [ConceptView], _ g: inout SeededGenerator) -> String { list.randomElement(using: &g)!.concept }
        return [
            QueryClass(name: "browse all (facets only)") { _ in SearchQuery() },
            QueryClass(name: "one word") { g in SearchQuery(text: words.randomElement(using: &g)!) },
            QueryClass(name: "two words") { g in
                SearchQuery(text: "\(words.randomElement(using: &g)!) \(words.randomElement(using: &g)!)")
            },
            QueryClass(name: "one cancer-type filter") { g in SearchQuery(filters: ["cancerType=\(concept(cancer, &g))"]) },
            QueryClass(name: "cancer type AND modality") { g in
                SearchQuery(filters: ["cancerType=\(concept(cancer, &g))", "modality=\(concept(modality, &g))"])
            },
            QueryClass(name: "two modalities (OR) AND body site") { g in
                SearchQuery(filters: [
                    "modality=\(concept(modality, &g))", "modality=\(concept(modality, &g))", "bodySite=\(concept(site, &g))",
                ])
            },
            QueryClass(name: "word + cancer type, by subjects") { g in
                SearchQuery(text: words.randomElement(using: &g)!, filters: ["cancerType=\(concept(cancer, &g))"], sort: .subjects)
            },
            QueryClass(name: "browse all, page 50, by modified") { _ in SearchQuery(sort: .modified, page: 50) },
        ]
    }
}
