import CatalogueModel
import Foundation
import Harvesting
import RDF

extension SharedCatalogue {
    /// Harvests one node while searches go on: the previous page states are read on the writer
    /// thread, the pages are fetched and parsed concurrently (no lock held, no Xapian handle
    /// involved), and the run is stored on the writer thread under the writer lock, where the
    /// index catches up from the outbox. Other writers of the home (a CLI harvest, an edit) are
    /// serialised by the lock as they are for the CLI.
    public func harvest(
        _ node: NodeConfiguration, policy: HTTPFetchPolicy = HTTPFetchPolicy(),
        progress: (@Sendable (HarvestProgress) -> Void)? = nil
    ) async throws -> HarvestReport {
        let start = try await write { service in
            HarvestStart(parser: service.rdfParser, previousStates: try service.previousPageStates(of: node.id))
        }
        let read = await CatalogueService.readPages(
            of: node, policy: policy, parser: start.parser, previousStates: start.previousStates, progress: progress, background: true)
        return try await write { service in
            try service.store(read.outcome, of: node, acceptWithdrawals: nil, pagesTime: read.seconds)
        }
    }
}

/// What a harvest needs from the writer before its pages are read.
private struct HarvestStart: Sendable {
    var parser: RDFParser
    var previousStates: [String: PageState]
}
