import CatalogueModel
import Foundation

/// The search page's template context, built from one search: the facets as checkboxes (the
/// cancer-type tree as nested lists with expandable narrower concepts), the active filters as
/// removable chips, the results, sort and paging — every link a ``SearchState`` changed once.
struct SearchPage {
    /// What the page needs besides the search answer.
    struct Inputs: Sendable {
        var state: SearchState
        var response: SearchResponse
        /// Each given filter's resolved values (concept IRIs, node ids, access-right codes), in order.
        var resolvedFilters: [Set<String>]
        /// Concept labels in the page's language: the facets' values, the datasets' concepts and
        /// the concepts the text was read as (English where a concept has no label in it).
        var conceptLabels: [String: String]

        /// Every concept IRI the page shows, to look their labels up in the page's language.
        static func conceptIRIs(in response: SearchResponse) -> Set<String> {
            let datasets = response.datasets.flatMap { ($0.cancerTypes + $0.modalities + $0.bodySites).map(\.concept) }
            return conceptIRIs(in: response.facets).union(datasets).union(response.interpretedAs.values.joined())
        }

        /// The concept IRIs of the concept facets, narrower values included.
        static func conceptIRIs(in facets: SearchResponse.Facets) -> Set<String> {
            func walk(_ values: [FacetValue]) -> [String] { values.flatMap { [$0.value] + walk($0.children ?? []) } }
            return Set(FacetField.allCases.filter { $0.scheme != nil }.flatMap { walk(facets[$0]) })
        }
    }

    let inputs: Inputs
    let messages: WebMessages

    /// The values every filter of a field resolved to: what the field's checkboxes show checked.
    private var selected: [String: Set<String>] {
        var selected: [String: Set<String>] = [:]
        for (filter, values) in zip(inputs.state.filters, inputs.resolvedFilters) {
            selected[filter.field, default: []].formUnion(values)
        }
        return selected
    }

    var title: String {
        inputs.state.text.isEmpty ? messages.text("search.title") : "\(inputs.state.text) – \(messages.text("search.title"))"
    }

    var context: [String: Any] {
        let response = inputs.response
        var context: [String: Any] = [
            "q": inputs.state.text,
            "totalText": messages.count("results", response.total),
            "facets": facets,
            "sorts": SearchRequest.Sort.allCases.map { sort in
                ["value": sort.rawValue, "label": messages.text("sort.\(sort.rawValue)"), "selected": sort == inputs.state.sort] as [String: Any]
            },
            "results": response.datasets.map(result),
            "hasResults": !response.datasets.isEmpty,
            "languages": WebLanguage.switcher(current: inputs.state.language) { inputs.state.with(language: $0).url },
        ]
        var hidden: [[String: String]] = []
        if inputs.state.perPage != 20 { hidden.append(["name": "perPage", "value": String(inputs.state.perPage)]) }
        if inputs.state.language != .en { hidden.append(["name": "lang", "value": inputs.state.language.rawValue]) }
        context["hidden"] = hidden
        let chips = self.chips
        context["chips"] = chips
        context["hasChips"] = !chips.isEmpty
        context["clearURL"] = inputs.state.withoutFilters().url
        if let suggestion = response.suggestion {
            context["suggestion"] = ["text": suggestion, "url": inputs.state.with(text: suggestion).url]
        }
        let interpretations = response.interpretedAs.sorted { $0.key < $1.key }.map { phrase, concepts in
            ["text": phrase, "labels": concepts.map { inputs.conceptLabels[$0] ?? $0 }.joined(separator: ", ")]
        }
        context["interpretations"] = interpretations
        context["hasInterpretation"] = !interpretations.isEmpty
        if let pager { context["pager"] = pager }
        return context
    }

    // MARK: Facets

    private var facets: [[String: Any]] {
        let selected = self.selected
        var ids = Set<String>()
        return FacetField.allCases.map { field in
            let values = inputs.response.facets[field].map { value in
                facetValue(value, field: field.rawValue, checked: selected[field.rawValue] ?? [], ids: &ids)
            }
            return [
                "field": field.rawValue, "legend": messages.text("facets.\(field.rawValue)"),
                "tree": field == .cancerType, "values": values, "hasValues": !values.isEmpty,
            ]
        }
    }

    /// A checkbox's id comes from its value, so it survives a re-render whose counts drop other
    /// values (the script puts the focus back on the box that was clicked).
    private func facetValue(_ value: FacetValue, field: String, checked: Set<String>, ids: inout Set<String>) -> [String: Any] {
        var node: [String: Any] = [
            "id": Self.uniqueID("f-\(field)-\(Self.slug(value.value))", in: &ids), "field": field, "value": value.value,
            "label": inputs.conceptLabels[value.value] ?? value.label,
            "countText": WebMessages.grouped(value.count), "checked": checked.contains(value.value),
        ]
        let children = (value.children ?? []).map { facetValue($0, field: field, checked: checked, ids: &ids) }
        // Every key set on every node: Mustache looks a missing key up in the enclosing
        // contexts, and a leaf would find its parent's children and render them without end.
        node["hasChildren"] = !children.isEmpty
        node["children"] = children
        node["narrowerText"] = messages.text("facets.narrower", ["count": String(children.count)])
        node["open"] = Self.anyChecked(children)
        return node
    }

    /// The value's last IRI segment (or the code) in letters, digits and hyphens.
    static func slug(_ value: String) -> String {
        let tail = value.split(whereSeparator: { "/#:".contains($0) }).last.map(String.init) ?? value
        // ASCII tests on bytes: a page has hundreds of checkboxes, and CharacterSet per scalar
        // was 5 % of the page's time on the 100k catalogue.
        let kept = tail.utf8.map { byte -> Character in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                Character(Unicode.Scalar(byte))
            default: "-"
            }
        }
        return String(kept)
    }

    /// `base`, or `base-2`, `base-3`… when a concept shows twice (under two broader concepts).
    static func uniqueID(_ base: String, in ids: inout Set<String>) -> String {
        var id = base, number = 1
        while ids.contains(id) {
            number += 1
            id = "\(base)-\(number)"
        }
        ids.insert(id)
        return id
    }

    private static func anyChecked(_ nodes: [[String: Any]]) -> Bool {
        nodes.contains { node in
            (node["checked"] as? Bool == true) || anyChecked(node["children"] as? [[String: Any]] ?? [])
        }
    }

    // MARK: Chips

    /// One chip a selected value: its label from the facets, and a link without every given
    /// filter that resolved to it (`icd10:C34` and the concept's IRI are one chip).
    private var chips: [[String: Any]] {
        var chips: [[String: Any]] = []
        var shown = Set<SearchState.Filter>()
        for (filter, values) in zip(inputs.state.filters, inputs.resolvedFilters) where !shown.contains(filter) {
            let same = zip(inputs.state.filters, inputs.resolvedFilters)
                .filter { $0.0.field == filter.field && $0.1 == values }.map(\.0)
            shown.formUnion(same)
            let field = FacetField(rawValue: filter.field)
            let shownLabel = field.flatMap { self.label(of: values, in: inputs.response.facets[$0]) } ?? filter.value
            let fieldLabel = messages.text("facets.\(filter.field)")
            chips.append([
                "fieldLabel": fieldLabel, "label": shownLabel, "url": inputs.state.removing(same).url,
                "ariaLabel": messages.text("chips.remove", ["field": fieldLabel, "value": shownLabel]),
            ])
        }
        return chips
    }

    private func label(of values: Set<String>, in facet: [FacetValue]) -> String? {
        for value in facet {
            if values.contains(value.value) { return inputs.conceptLabels[value.value] ?? value.label }
            if let found = label(of: values, in: value.children ?? []) { return found }
        }
        return nil
    }

    // MARK: Results and paging

    private func result(_ dataset: DatasetView) -> [String: Any] {
        let concepts = (dataset.cancerTypes + dataset.modalities + dataset.bodySites).map { inputs.conceptLabels[$0.concept] ?? $0.label }
        var result: [String: Any] = [
            "title": DatasetPage.title(of: dataset, in: inputs.state.language), "url": DatasetPage.url(node: dataset.node, id: dataset.id, from: inputs.state),
            "node": dataset.node, "concepts": concepts, "hasConcepts": !concepts.isEmpty,
            "subjectsText": dataset.subjects.map { messages.text("results.subjects", ["count": WebMessages.grouped($0)]) }
                ?? messages.text("results.subjectsUnknown"),
        ]
        if let access = dataset.accessRights { result["accessRights"] = access }
        if let description = dataset.description { result["description"] = Self.excerpt(description) }
        return result
    }

    /// The first 280 characters, cut at a word.
    static func excerpt(_ text: String, length: Int = 280) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    private var pager: [String: Any]? {
        let state = inputs.state, total = inputs.response.total
        let reachable = SearchQuery.maximumReach / state.perPage
        let pages = min(reachable, max(1, (total + state.perPage - 1) / state.perPage))
        guard pages > 1 else { return nil }
        var pager: [String: Any] = [
            "position": messages.text("pager.page", ["page": WebMessages.grouped(state.page), "pages": WebMessages.grouped(pages)])
        ]
        if state.page > 1 { pager["previousURL"] = state.at(page: min(state.page - 1, pages)).url }
        if state.page < pages { pager["nextURL"] = state.at(page: state.page + 1).url }
        return pager
    }
}
