import CatalogueModel

/// What one page said, in the harvester's terms: datasets, distributions described on their own
/// page, and the pages it leads to.
struct InterpretedPage: Sendable {
    var result = MappingResult()
    /// For an FDP distribution page: the distributions it describes.
    var distributions: [RawDistribution] = []
    var links: [PageLink] = []
    /// `hydra:totalItems`, when the page announces it.
    var announcedTotal: Int?
}
