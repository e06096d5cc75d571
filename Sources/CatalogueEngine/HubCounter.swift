import CatalogueModel
import CatalogueStore
import CohortCounts
import Foundation
import Harvesting

/// Hub mode (`reference/privacy.md` §5.4, DESIGN "Count"): the canonical query sent to every node
/// of the federation that declares a count endpoint, all at once, each within its timeout; the
/// answer sums only what the nodes released and reports the others missing, never as zero.
public struct HubCounter: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var endpoint: NodeCountEndpoint
    }

    /// The nodes asked, in the federation file's order.
    public let nodes: [Node]
    private let client: NodeCountClient
    private let environment: [String: String]

    /// The nodes of `federation` with a `counts` table; nil when there is none (node mode).
    public init?(federation: FederationConfiguration, client: NodeCountClient, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let nodes = federation.nodes.compactMap { node in node.counts.map { Node(id: node.id, endpoint: $0) } }
        guard !nodes.isEmpty else { return nil }
        self.nodes = nodes
        self.client = client
        self.environment = environment
    }

    /// The header naming the researcher a hub asks for, so that a node trusting the hub keeps a
    /// budget and audit trail per researcher rather than one for the whole federation.
    public static let onBehalfOfHeader = "Catalogue-On-Behalf-Of"

    /// Asks the nodes the query concerns (all of them, or the one a `node` or `dataset` filter
    /// names) on behalf of `user`, and combines their replies.
    public func count(_ forwarded: CohortQueryParser.ForwardedQuery, onBehalfOf user: String) async -> CohortAnswer {
        let asked = nodes.filter { Self.concerns(forwarded.query, node: $0.id) }
        let body = forwarded.query.isUnfiltered ? nil : Self.requestBody(forwarded.filters)
        let headers = [Self.onBehalfOfHeader: user]
        let replies = await withTaskGroup(of: (Int, NodeCountClient.Reply).self) { group in
            for (position, node) in asked.enumerated() {
                group.addTask { [client, environment] in
                    (position, await client.ask(node.endpoint, node: node.id, body: body, headers: headers, environment: environment))
                }
            }
            var replies: [(Int, NodeCountClient.Reply)] = []
            for await reply in group { replies.append(reply) }
            return replies.sorted { $0.0 < $1.0 }.map { (node: asked[$0.0].id, reply: $0.1) }
        }
        return FederatedAnswer.combine(query: forwarded.query, replies: replies)
    }

    static func concerns(_ query: CohortQuery, node: String) -> Bool {
        if let wanted = query.filters[.node], !wanted.contains(node) { return false }
        if let datasets = query.filters[.dataset], !datasets.contains(where: { DatasetKey(joined: $0)?.node == node }) { return false }
        return true
    }

    /// `{"filters": {"age": "50-69", "cancerType": "https://…"}}`: the node's native request.
    static func requestBody(_ filters: [(field: String, value: String)]) -> Data {
        let object = Dictionary(filters.map { ($0.field, $0.value) }, uniquingKeysWith: { first, _ in first })
        // Sorted keys: the same query is the same bytes, which a node operator's logs can compare.
        return (try? JSONSerialization.data(withJSONObject: ["filters": object], options: [.sortedKeys])) ?? Data()
    }
}

extension CatalogueService {
    /// The first half of a hub's count, on a reader: `filters` and Beacon `terms` canonicalised
    /// with the hub's vocabularies (failing closed, as a node would), over the datasets the hub
    /// harvested from nodes with a count endpoint.
    public func forwardedCountQuery(
        _ filters: [(field: String, value: String)], terms: [(term: String, place: String)] = [], countNodes: Set<String>
    ) throws -> CohortQueryParser.ForwardedQuery {
        let datasets = try storeCall { try store.datasetKeys() }.filter { countNodes.contains($0.node) }
        let parser = CohortQueryParser(vocabulary: vocabulary, datasets: Set(datasets), nodes: countNodes)
        let termFilters = try terms.map { entry throws(CohortQueryError) in try parser.filter(forTerm: entry.term, at: entry.place) }
        return try parser.forwarded(termFilters + filters)
    }
}
