import CatalogueModel
import Foundation
import Harvesting

/// A hub's count answer built from its nodes' replies (`reference/privacy.md` §5.4): each node's
/// per-dataset values exactly as the node released them — the hub adds no noise of its own, so
/// asking the hub and the node gives the same value and nothing to average — and totals summed
/// from those released values only. A suppressed cell stays "<10"; a node that did not answer,
/// or answered something that is not a released count of the same query, is reported missing.
public enum FederatedAnswer {
    /// Combines the replies of the nodes asked for `query`, in node order.
    public static func combine(query: CohortQuery, replies: [(node: String, reply: NodeCountClient.Reply)]) -> CohortAnswer {
        var datasets: [CohortAnswer.DatasetCount] = []
        var reports: [NodeCountReport] = []
        for (node, reply) in replies {
            switch read(reply, node: node, query: query) {
            case .success(let answer):
                datasets += answer.datasets
                reports.append(.answered(node, policyVersion: answer.policy.version))
            case .failure(let problem):
                reports.append(.missing(node, problem.reason))
            }
        }
        var answer = CohortAnswer(query: query.canonical, datasets: datasets.sorted { $0.dataset < $1.dataset })
        answer.nodes = reports
        answer.total.missingNodes = reports.count { $0.status == .missing }
        return answer
    }

    struct Refusal: Error {
        let reason: String
    }

    /// A node's answer, held to what the node may say: its own datasets, released values (the
    /// decoder of ``ProtectedCount`` refuses anything else), our policy's k and rounding, and the
    /// canonical query the hub sent.
    static func read(_ reply: NodeCountClient.Reply, node: String, query: CohortQuery) -> Result<CohortAnswer, Refusal> {
        let status: Int, body: Data
        switch reply {
        case .failed(let reason): return .failure(Refusal(reason: reason))
        case .answered(let code, let data): (status, body) = (code, data)
        }
        guard status == 200 else { return .failure(Refusal(reason: refusalSentence(status: status, body: body))) }
        let answer: CohortAnswer
        do {
            answer = try JSONDecoder().decode(CohortAnswer.self, from: body)
        } catch {
            return .failure(Refusal(reason: "answered something that is not a count answer (\(DecodingErrorSentence.describe(error)))"))
        }
        guard answer.policy.k == CohortAnswer.Policy.current.k, answer.policy.rounding == CohortAnswer.Policy.current.rounding else {
            return .failure(Refusal(reason: "releases under another policy (k = \(answer.policy.k), rounding \(answer.policy.rounding)); the hub sums only values released with k = \(DisclosurePolicy.threshold) and rounding \(DisclosurePolicy.roundingBase)"))
        }
        guard answer.query == query.canonical else {
            return .failure(Refusal(reason: "counted another query than the hub's (its vocabularies differ): '\(answer.query.prefix(300))'"))
        }
        if let foreign = answer.datasets.first(where: { $0.dataset.node != node }) {
            return .failure(Refusal(reason: "answered for dataset \(foreign.dataset) of another node"))
        }
        var own = answer
        own.datasets = answer.datasets.map { .init(dataset: $0.dataset, holder: node, subjects: $0.subjects) }
        return .success(own)
    }

    /// A node's refusal, with the `detail` of its problem document when it sent one.
    static func refusalSentence(status: Int, body: Data) -> String {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let detail = (object?["detail"] as? String).map { ": \($0.prefix(300))" } ?? ""
        let meaning = switch status {
        case 401, 403: " (the hub's count credential for the node is missing or refused)"
        case 429: " (the hub's count budget at the node is used up)"
        case 400: " (the node refused the query)"
        default: ""
        }
        return "answered HTTP \(status)\(meaning)\(detail)"
    }
}

/// One line for a JSON decoding error: what was wrong and where.
enum DecodingErrorSentence {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let (context, what): (DecodingError.Context, String) = switch error {
        case .dataCorrupted(let context): (context, context.debugDescription)
        case .keyNotFound(let key, let context): (context, "missing \"\(key.stringValue)\"")
        case .typeMismatch(_, let context): (context, context.debugDescription)
        case .valueNotFound(_, let context): (context, context.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? what : "at \(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(what)"
    }
}
