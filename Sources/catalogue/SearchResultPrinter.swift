import CatalogueModel

/// A search result for a person: the page of datasets, then every facet with its exact counts.
enum SearchResultPrinter {
    static func render(_ response: SearchResponse) -> String {
        var lines: [String] = []
        let first = (response.page - 1) * response.perPage + 1
        let last = first + response.datasets.count - 1
        if response.datasets.isEmpty {
            lines.append("\(response.total) matching dataset\(response.total == 1 ? "" : "s"); none on page \(response.page).")
        } else {
            lines.append("\(response.total) matching dataset\(response.total == 1 ? "" : "s"); showing \(first)–\(last).")
            lines.append("")
            lines.append(DatasetTable.render(response.datasets, firstRank: first))
        }
        if let suggestion = response.suggestion { lines.append("Did you mean: \(suggestion)") }
        for field in FacetField.allCases {
            let values = response.facets[field]
            guard !values.isEmpty else { continue }
            lines.append("")
            lines.append("\(field.rawValue):")
            lines.append(contentsOf: render(values, depth: 1))
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ values: [FacetValue], depth: Int) -> [String] {
        values.flatMap { value in
            ["\(String(repeating: "  ", count: depth))\(value.label) (\(value.count))"]
                + render(value.children ?? [], depth: depth + 1)
        }
    }
}
