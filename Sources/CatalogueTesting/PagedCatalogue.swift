import Foundation

/// A DCAT catalogue split into Turtle pages linked by Hydra, as a node's paged endpoint serves it.
///
/// Page `n` (from 1) lives at `pagePath(n)`; every page but the last carries a
/// `hydra:PartialCollectionView` with `hydra:next`, and each announces `hydra:totalItems`.
public struct PagedCatalogue: Sendable {
    public var datasets: [FixtureDataset]
    public var pageSize: Int
    /// The path of page 1; later pages add `?page=N`.
    public var path: String
    /// Use the legacy `hydra:PagedCollection` / `hydra:nextPage` form instead.
    public var legacyHydra: Bool

    public init(datasets: [FixtureDataset], pageSize: Int, path: String = "/catalogue.ttl", legacyHydra: Bool = false) {
        precondition(pageSize > 0, "page size must be positive")
        self.datasets = datasets
        self.pageSize = pageSize
        self.path = path
        self.legacyHydra = legacyHydra
    }

    /// `count` distinct datasets `ds-1`… with a lung-cancer CT profile, for volume tests.
    public static func numbered(_ count: Int, prefix: String = "ds") -> [FixtureDataset] {
        (1...max(count, 1)).prefix(count).map { number in
            FixtureDataset(
                id: "\(prefix)-\(number)", title: "Collection \(number)", subjects: String(10 + number % 500),
                conditions: ["\"lung cancer\""], modalities: ["\"CT\""], bodyParts: ["\"chest\""])
        }
    }

    public var pageCount: Int { max(1, (datasets.count + pageSize - 1) / pageSize) }

    public func pagePath(_ number: Int) -> String { number == 1 ? path : "\(path)?page=\(number)" }

    /// The Turtle of page `number`, with its next link pointing at `nextPath` (default: the
    /// following page; pass a visited page to build a loop).
    public func page(_ number: Int, baseURL: String, nextPath: String? = nil) -> String {
        let slice = datasets.dropFirst((number - 1) * pageSize).prefix(pageSize)
        var text = FixtureDataset.turtlePrefixes + "@prefix hydra: <http://www.w3.org/ns/hydra/core#> .\n\n"
        text += slice.map(\.turtle).joined(separator: "\n")
        let next = nextPath ?? (number < pageCount ? pagePath(number + 1) : nil)
        let viewType = legacyHydra ? "hydra:PagedCollection" : "hydra:PartialCollectionView"
        let nextPredicate = legacyHydra ? "hydra:nextPage" : "hydra:next"
        text += "\n<\(baseURL)\(pagePath(number))> a \(viewType) ;\n    hydra:totalItems \(datasets.count)"
        if let next { text += " ;\n    \(nextPredicate) <\(baseURL)\(next)>" }
        return text + " .\n"
    }
}
