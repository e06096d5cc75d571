import CatalogueModel
import Foundation

/// Builds one dataset record from one API record, field by field, as the mapping says; collects
/// the warnings (a number that is not one, a date that is not ISO 8601, a record without id).
struct CustomRecordBuilder {
    let mapping: NodeAPIMapping
    var warnings: [HarvestWarning] = []
    /// The page being read, set by the caller before each record.
    private var page: PageCursor?

    init(mapping: NodeAPIMapping) { self.mapping = mapping }

    mutating func dataset(from record: PageCursor.Record, number: Int, on page: PageCursor) -> RawDataset? {
        self.page = page
        let id = values(.identifier, record).first?.text
        guard let identifier = id?.trimmingCharacters(in: .whitespacesAndNewlines), !identifier.isEmpty else {
            let path = mapping.fields[.identifier]?.first?.path ?? "?"
            warnings.append(HarvestWarning(
                .recordFailed, dataset: "record \(number) of \(page.source)", property: path,
                detail: "no identifier at \(path); the record was skipped"))
            return nil
        }
        var dataset = RawDataset(identifier: identifier, iri: values(.iri, record).first?.text)
        dataset.titles = texts(.titles, record)
        dataset.descriptions = texts(.descriptions, record)
        dataset.keywords = texts(.keywords, record)
        dataset.publisher = values(.publisher, record).first.map { $0.isIRI ? RawAgent(iri: $0.text) : RawAgent(names: [LangString($0.text)]) }
        dataset.landingPages = values(.landingPages, record).map(\.text)
        dataset.accessRights = values(.accessRights, record).first
        dataset.issued = date(.issued, record, identifier)
        dataset.modified = date(.modified, record, identifier)
        dataset.subjects = count(.subjects, record, identifier)
        dataset.studies = count(.studies, record, identifier)
        dataset.minTypicalAge = age(.minTypicalAge, record, identifier)
        dataset.maxTypicalAge = age(.maxTypicalAge, record, identifier)
        dataset.conditions = values(.conditions, record)
        dataset.modalities = values(.modalities, record)
        dataset.bodyParts = values(.bodyParts, record)
        dataset.interoperabilityLevel = values(.interoperabilityLevel, record).first
        dataset.distributions = distributions(record)
        if dataset.titles.isEmpty {
            warnings.append(HarvestWarning(.missingTitle, dataset: identifier, property: mapping.fields[.titles]?.first?.path, detail: "no title"))
        }
        return dataset
    }

    private func values(_ field: NodeAPIMapping.Field, _ record: PageCursor.Record) -> [RawValue] {
        values(mapping.fields[field] ?? [], record)
    }

    private func values(_ selectors: [NodeAPIMapping.Selector], _ record: PageCursor.Record) -> [RawValue] {
        guard let page else { return [] }
        var seen = Set<RawValue>()
        return selectors.flatMap { selector in
            page.values(selector.path, in: record).flatMap { text in
                (selector.split.map { text.components(separatedBy: $0) } ?? [text])
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    .map { (selector.prefix ?? "") + $0 }
                    .map { selector.asIRI ? RawValue.iri($0) : RawValue.literal($0, language: selector.language) }
            }
        }.filter { seen.insert($0).inserted }
    }

    private func texts(_ field: NodeAPIMapping.Field, _ record: PageCursor.Record) -> [LangString] {
        values(field, record).map { value in
            if case .literal(let text, let language, _) = value { return LangString(text, language: language) }
            return LangString(value.text)
        }
    }

    private mutating func date(_ field: NodeAPIMapping.Field, _ record: PageCursor.Record, _ identifier: String) -> String? {
        guard let text = values(field, record).first?.text else { return nil }
        if !NumberReader.looksLikeDate(text) {
            warnings.append(HarvestWarning(.invalidDate, dataset: identifier, property: path(field), detail: "'\(text)' is not an ISO 8601 date; kept as given"))
        }
        return text
    }

    private mutating func count(_ field: NodeAPIMapping.Field, _ record: PageCursor.Record, _ identifier: String) -> Int? {
        guard let text = values(field, record).first?.text else { return nil }
        guard let value = NumberReader.count(text), value >= 0 else {
            warnings.append(HarvestWarning(.invalidNumber, dataset: identifier, property: path(field), detail: "'\(text)' is not a non-negative whole number; left out"))
            return nil
        }
        return value
    }

    private mutating func age(_ field: NodeAPIMapping.Field, _ record: PageCursor.Record, _ identifier: String) -> Double? {
        guard let text = values(field, record).first?.text else { return nil }
        guard let value = NumberReader.decimal(text), value >= 0, value <= 150 else {
            warnings.append(HarvestWarning(.invalidNumber, dataset: identifier, property: path(field), detail: "'\(text)' is not an age in years; left out"))
            return nil
        }
        return value
    }

    private func distributions(_ record: PageCursor.Record) -> [RawDistribution] {
        guard let spec = mapping.distributions, let page else { return [] }
        return page.records(spec.path, in: record).map { item in
            var distribution = RawDistribution(iri: values(spec.fields["iri"] ?? [], item).first?.text)
            distribution.accessURLs = values(spec.fields["accessURL"] ?? [], item).map(\.text)
            distribution.downloadURLs = values(spec.fields["downloadURL"] ?? [], item).map(\.text)
            distribution.format = values(spec.fields["format"] ?? [], item).first
            distribution.mediaType = values(spec.fields["mediaType"] ?? [], item).first
            distribution.titles = values(spec.fields["title"] ?? [], item).map { LangString($0.text) }
            return distribution
        }
    }

    private func path(_ field: NodeAPIMapping.Field) -> String? { mapping.fields[field]?.first?.path }
}
