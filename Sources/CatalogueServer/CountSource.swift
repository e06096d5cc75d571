import CatalogueEngine
import CatalogueModel
import CohortCounts
import Foundation
import Harvesting
import HTTPTypes
import Hummingbird

/// Where the server's cohort counts come from. A node counts its own subjects; a hub (a
/// federation file whose nodes declare `counts` endpoints) canonicalises the query with its own
/// vocabularies, so a query refused at a node is refused at the hub first, and asks the nodes.
/// The native route and the Beacon share it, and so share every rule.
struct CountSource: Sendable {
    let catalogue: SharedCatalogue
    let hub: HubCounter?
    /// Token names of hubs whose `Catalogue-On-Behalf-Of` header this node honours.
    var trustedHubs: Set<String> = []

    /// The hub's counter over the federation file, or nil (node mode): a file that does not load
    /// stops the start, since a hub that silently counted nothing would look like zero everywhere.
    static func hub(nodesFile: URL?, client: NodeCountClient) throws -> HubCounter? {
        guard let nodesFile else { return nil }
        return HubCounter(federation: try FederationConfiguration.load(from: nodesFile), client: client)
    }

    func answer(
        _ filters: [(field: String, value: String)], terms: [(term: String, place: String)] = [], user: String, client: String?
    ) async throws -> CohortAnswer {
        guard let hub else {
            return try await catalogue.read { try $0.countSubjects(filters, terms: terms, user: user, client: client) }
        }
        let nodes = Set(hub.nodes.map(\.id))
        let forwarded = try await catalogue.read { try $0.forwardedCountQuery(filters, terms: terms, countNodes: nodes) }
        return await hub.count(forwarded, onBehalfOf: user)
    }

    /// Whom a count is charged to and audited under: the caller, or — when the caller is a hub
    /// this node trusts and names its researcher — `hub/researcher`, so that every researcher of
    /// the federation has their own budget and refinement history here. The header of anyone
    /// else is ignored: it cannot buy a caller a fresh budget.
    func user(_ caller: Caller, fallback: String, request: Request) -> String {
        let name = caller.name ?? fallback
        guard caller.credential == .apiToken, trustedHubs.contains(name),
              let researcher = request.headers[HTTPField.Name(HubCounter.onBehalfOfHeader)!],
              Self.isResearcherName(researcher) else { return name }
        return "\(name)/\(researcher)"
    }

    /// 1–200 visible ASCII characters: a token name or `oidc:` and a subject, never a sentence.
    static func isResearcherName(_ text: String) -> Bool {
        (1...200).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
