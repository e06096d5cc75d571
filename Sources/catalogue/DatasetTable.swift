import CatalogueModel

/// Datasets as a table for a person: the columns a researcher scans first.
enum DatasetTable {
    static func render(_ datasets: [DatasetView], firstRank: Int? = nil) -> String {
        var table = TextTable([
            ("#", 6), ("node", 18), ("id", 24), ("title", 44), ("subjects", 8),
            ("cancer types", 28), ("modalities", 22), ("body sites", 22),
        ])
        for (offset, dataset) in datasets.enumerated() {
            table.append([
                firstRank.map { String($0 + offset) } ?? String(offset + 1),
                dataset.node, dataset.id, dataset.title,
                dataset.subjects.map(String.init) ?? "–",
                labels(dataset.cancerTypes), labels(dataset.modalities), labels(dataset.bodySites),
            ])
        }
        return table.render()
    }

    private static func labels(_ concepts: [ConceptView]) -> String {
        concepts.isEmpty ? "–" : concepts.map(\.label).joined(separator: ", ")
    }
}
