import CatalogueModel
import Foundation

/// The curators' pages' template contexts: the unmapped queue, a change's result, the history.
enum CuratorPages {
    static func queue(_ queue: [UnmappedValueSummary], csrf: String, messages: WebMessages) -> [String: Any] {
        let rows = queue.sorted { ($0.datasetCount, $1.value) > ($1.datasetCount, $0.value) }.enumerated().map { index, entry -> [String: Any] in
            [
                "index": index + 1, "field": entry.field, "scheme": scheme(ofField: entry.field),
                "fieldLabel": fieldLabel(entry.field, messages),
                "value": entry.value, "datasets": messages.count("curate.datasets", entry.datasetCount),
                "examples": entry.examples.map { ["name": "\($0.node)/\($0.id)", "url": DatasetPage.url(node: $0.node, id: $0.id, search: nil, language: .en)] },
                "nodes": entry.nodes.keys.sorted().joined(separator: ", "),
            ]
        }
        return ["rows": rows, "hasRows": !rows.isEmpty, "csrf": csrf, "total": messages.count("curate.values", rows.count)]
    }

    /// What a change did: how many datasets changed, a search that shows them, and its undo.
    static func result(_ report: VocabularyEditReport, field: String?, concept: String?, csrf: String, messages: WebMessages) -> [String: Any] {
        var context: [String: Any] = [
            "summary": report.summary, "change": report.change, "csrf": csrf,
            "changed": messages.count("curate.changed", report.datasetsChanged) + " "
                + messages.text("curate.renormalised", ["count": WebMessages.grouped(report.datasetsRenormalised)]),
            "warnings": report.warnings, "hasWarnings": !report.warnings.isEmpty,
        ]
        if let field, let concept, FacetField(rawValue: field) != nil {
            context["searchURL"] = "/?\(field)=" + SearchState.encode(concept)
        }
        return context
    }

    static func history(_ changes: [VocabularyChangeRecord], csrf: String, messages: WebMessages) -> [String: Any] {
        let formatter = ISO8601DateFormatter()
        let rows = changes.map { change -> [String: Any] in
            [
                "id": change.id, "author": change.author, "at": formatter.string(from: change.createdAt),
                "kind": change.kind, "summary": change.summary, "reason": change.reason,
            ]
        }
        return ["rows": rows, "hasRows": !rows.isEmpty, "csrf": csrf]
    }

    /// The scheme a queued value maps into: subjects' values (`subject.cancerType`) map into
    /// the same vocabularies as the datasets'.
    static func scheme(ofField field: String) -> String {
        field.hasPrefix(subjectPrefix) ? String(field.dropFirst(subjectPrefix.count)) : field
    }

    private static let subjectPrefix = "subject."

    private static func fieldLabel(_ field: String, _ messages: WebMessages) -> String {
        let scheme = scheme(ofField: field)
        let name = messages.has("facets.\(scheme)") ? messages.text("facets.\(scheme)") : scheme
        return scheme == field ? name : messages.text("curate.ofSubjects", ["field": name])
    }
}
