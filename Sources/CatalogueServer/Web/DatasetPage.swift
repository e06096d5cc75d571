import CatalogueModel
import Foundation

/// The dataset page's template context: the record in words, every mapped value beside the raw
/// value it came from and how it was read, the values nothing matched, and where it came from.
struct DatasetPage {
    let detail: DatasetDetail
    /// The search the researcher came from (its query string), for the link back.
    let searchQuery: String?
    let language: WebLanguage
    /// The mapped concepts' labels in `language`.
    let conceptLabels: [String: String]
    let messages: WebMessages

    /// The page of a dataset; `from` keeps the search to go back to, and its language.
    static func url(node: String, id: String, from state: SearchState? = nil) -> String {
        url(node: node, id: id, search: state?.queryString, language: state?.language ?? .en)
    }

    static func url(node: String, id: String, search: String?, language: WebLanguage) -> String {
        var items: [String] = []
        if let search, !search.isEmpty { items.append("search=" + SearchState.encode(search)) }
        if language != .en { items.append("lang=" + language.rawValue) }
        let path = "/datasets/\(pathSegment(node))/\(pathSegment(id))"
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The title in `language` when the node gave one, else the English (or best) title.
    static func title(of dataset: DatasetView, in language: WebLanguage) -> String {
        dataset.titles.first { $0.language == language.rawValue }?.value ?? dataset.title
    }

    /// Where the record is served as DCAT-AP: its minted IRI under the catalogue's export.
    static func exportURL(node: String, id: String) -> String {
        "/catalog/dataset/\(pathSegment(node))/\(pathSegment(id))?format=turtle"
    }

    private static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    var title: String { Self.title(of: detail.dataset, in: language) }

    var context: [String: Any] {
        let dataset = detail.dataset
        let formatter = ISO8601DateFormatter()
        var context: [String: Any] = [
            "titleLanguage": dataset.titles.first { $0.value == title }?.language ?? "en",
            "languages": WebLanguage.switcher(current: language) { Self.url(node: dataset.node, id: dataset.id, search: searchQuery, language: $0) },
            "facts": facts,
            "keywords": dataset.keywords, "hasKeywords": !dataset.keywords.isEmpty,
            "distributions": dataset.distributions.map { distribution -> [String: Any] in
                var entry: [String: Any] = ["title": distribution.format.map(Self.formatName) ?? messages.text("dataset.distribution")]
                if let url = Self.link(distribution.accessURL) { entry["accessURL"] = url }
                if let url = Self.link(distribution.downloadURL) { entry["downloadURL"] = url }
                return entry
            },
            "hasDistributions": !dataset.distributions.isEmpty,
            "mappings": detail.mappings.map(mapping),
            "unmapped": dataset.unmapped.map { ["field": fieldLabel($0.field), "value": $0.value] },
            "hasUnmapped": !dataset.unmapped.isEmpty,
            "provenance": [
                "node": detail.provenance.node, "source": detail.provenance.source,
                "importedAt": formatter.string(from: detail.provenance.importedAt),
            ],
            "exportURL": Self.exportURL(node: dataset.node, id: dataset.id),
            "backURL": searchQuery.map { "/?" + $0 } ?? "/",
        ]
        if let description = dataset.description { context["description"] = description }
        return context
    }

    /// The record's facts, each shown only when the node stated it.
    private var facts: [[String: Any]] {
        let dataset = detail.dataset
        var facts: [[String: Any]] = []
        func add(_ key: String, _ value: String?, url: String? = nil) {
            guard let value, !value.isEmpty else { return }
            var fact: [String: Any] = ["label": messages.text("dataset.\(key)"), "value": value]
            if let url { fact["url"] = url }
            facts.append(fact)
        }
        add("node", dataset.node)
        add("publisher", dataset.publisher)
        add("accessRights", dataset.accessRights)
        // A code list's value is shown by its concept's label (the harvested IRI otherwise).
        add("tier", detail.mappings.first { $0.field == ConceptScheme.tier.rawValue }?.label ?? dataset.tier)
        add("subjects", dataset.subjects.map(WebMessages.grouped))
        add("studies", dataset.studies.map(WebMessages.grouped))
        if let low = dataset.minTypicalAge, let high = dataset.maxTypicalAge {
            add("ages", "\(Self.years(low))–\(Self.years(high))")
        }
        add("issued", dataset.issued)
        add("modified", dataset.modified)
        add("landingPage", dataset.landingPage, url: Self.link(dataset.landingPage))
        return facts
    }

    private func mapping(_ mapping: MappedValue) -> [String: Any] {
        var row: [String: Any] = [
            "field": fieldLabel(mapping.field),
            "label": conceptLabels[mapping.concept] ?? mapping.label, "value": mapping.value, "method": messages.text("method.\(mapping.method.rawValue)"),
        ]
        if let matched = mapping.matched { row["matched"] = matched }
        if let via = mapping.via { row["via"] = via }
        return row
    }

    /// A facet's name from the messages; a code list's own name (`tier`, `sex`) otherwise.
    private func fieldLabel(_ field: String) -> String {
        messages.has("facets.\(field)") ? messages.text("facets.\(field)") : field
    }

    private static func years(_ age: Double) -> String {
        age.rounded() == age ? String(Int(age)) : String(format: "%.1f", age)
    }

    /// A format IRI by its last segment (`…/file-type/DICOM` is DICOM); a media type as given.
    static func formatName(_ format: String) -> String {
        guard format.hasPrefix("http"), let last = format.split(separator: "/").last else { return format }
        return String(last)
    }

    /// Only http(s) links become links: a harvested `javascript:` URL stays text.
    static func link(_ text: String?) -> String? {
        guard let text, let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            return nil
        }
        return text
    }
}
