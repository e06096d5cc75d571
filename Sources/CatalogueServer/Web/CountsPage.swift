import CatalogueModel
import CohortCounts
import Foundation

/// The feasibility page's template context: the criteria form (concepts that have datasets, as
/// the search facets list them), and — for a signed-in researcher — the released count of each
/// dataset, "<10" as such, with the sentence that says what a released count means.
struct CountsPage {
    static let conceptFields: [FacetField] = [.cancerType, .modality, .bodySite]
    static let fields = conceptFields.map(\.rawValue) + ["sex", "age"]

    /// The criteria as the form sent them (an empty select or box is no criterion).
    let criteria: [(field: String, value: String)]
    /// The facets of the whole catalogue: the concepts offered in the selects.
    let facets: SearchResponse.Facets
    let labels: [String: String]
    let language: WebLanguage
    let signedIn: Bool
    let answer: CohortAnswer?
    /// Why the criteria were refused (the count API's sentence), when they were.
    let refusal: String?
    let messages: WebMessages

    var context: [String: Any] {
        var context: [String: Any] = [
            "selects": Self.conceptFields.map { field in
                [
                    "field": field.rawValue, "label": messages.text("facets.\(field.rawValue)"),
                    "options": options(facets[field], chosen: value(of: field.rawValue), depth: 0),
                ] as [String: Any]
            },
            "sexes": (["female", "male"] as [String]).map { sex in
                ["value": sex, "label": messages.text("counts.\(sex)"), "selected": value(of: "sex") == sex] as [String: Any]
            },
            "age": value(of: "age") ?? "",
            "signedIn": signedIn,
            "signInURL": "/signin?next=" + SearchState.encode(url),
            "asked": !criteria.isEmpty,
            "languages": WebLanguage.switcher(current: language) { with(language: $0) },
            "hidden": language == .en ? [] : [["name": "lang", "value": language.rawValue]],
        ]
        if let refusal { context["refusal"] = refusal }
        if let answer { context["answer"] = answerContext(answer) }
        return context
    }

    private func value(of field: String) -> String? { criteria.first { $0.field == field }?.value }

    /// Every concept with datasets, narrower ones indented under their broader one.
    private func options(_ values: [FacetValue], chosen: String?, depth: Int) -> [[String: Any]] {
        values.flatMap { value -> [[String: Any]] in
            let label = String(repeating: "\u{2003}", count: depth) + (labels[value.value] ?? value.label)
            let option: [String: Any] = ["value": value.value, "label": label, "selected": value.value == chosen]
            return [option] + options(value.children ?? [], chosen: chosen, depth: depth + 1)
        }
    }

    private func answerContext(_ answer: CohortAnswer) -> [String: Any] {
        let rows = answer.datasets.map { count -> [String: Any] in
            [
                "dataset": "\(count.dataset.node)/\(count.dataset.id)", "holder": count.holder,
                "url": DatasetPage.url(node: count.dataset.node, id: count.dataset.id, search: nil, language: language),
                "count": count.subjects.isSuppressed ? messages.text("counts.fewer") : WebMessages.grouped(count.subjects.releasedValue ?? 0),
                "suppressed": count.subjects.isSuppressed,
            ]
        }
        var total = messages.text("counts.total", ["count": WebMessages.grouped(answer.total.subjects)])
        if answer.total.suppressedDatasets > 0 {
            total += " " + messages.count("counts.suppressed", answer.total.suppressedDatasets)
        }
        return [
            "rows": rows, "hasRows": !rows.isEmpty, "total": total, "query": answer.query,
            "policy": messages.text("counts.policy", ["k": String(answer.policy.k), "rounding": String(answer.policy.rounding),
                                                      "version": answer.policy.version]),
        ]
    }

    /// This page's URL: the criteria, then `lang` when not English.
    var url: String { with(language: language) }

    private func with(language: WebLanguage) -> String {
        var items = criteria.map { "\($0.field)=\(SearchState.encode($0.value))" }
        if language != .en { items.append("lang=\(language.rawValue)") }
        return items.isEmpty ? "/counts" : "/counts?" + items.joined(separator: "&")
    }
}
