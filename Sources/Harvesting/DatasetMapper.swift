import CatalogueModel
import Foundation
import RDF

/// Maps every `dcat:Dataset` of a graph to a `RawDataset`, keeping values as given and
/// reporting what it could not use as typed warnings. One bad dataset never stops the others.
public struct DatasetMapper: Sendable {
    public let profile: Profile
    private let mapped: Set<String>

    public init(profile: Profile = .eucaimDCATAP) {
        self.profile = profile
        self.mapped = profile.mappedPredicates
    }

    public func map(_ graph: Graph) -> MappingResult {
        var result = MappingResult()
        var seen = Set<String>()
        result.warnings += Self.catalogueTypoWarnings(graph)
        for subject in datasetSubjects(graph, warnings: &result.warnings) {
            var warnings: [HarvestWarning] = []
            guard let dataset = map(subject, in: graph, warnings: &warnings) else {
                result.warnings += warnings
                continue
            }
            guard seen.insert(dataset.identifier).inserted else {
                result.warnings.append(HarvestWarning(
                    .duplicateDataset, dataset: dataset.identifier,
                    detail: "a second dataset has the same identifier; the first was kept"))
                continue
            }
            result.datasets.append(dataset)
            result.warnings += warnings
        }
        return result
    }

    /// Parses a file and maps it; a malformed file throws `RDFError` naming file and line.
    public func mapFile(at url: URL, format: RDFFormat? = nil) throws -> MappingResult {
        map(try RDFParser().parse(fileAt: url, format: format))
    }

    /// Subjects typed `dcat:Dataset`, then datasets a catalogue lists with `dcat:dataset` and
    /// describes on the page without typing them (a tolerated mistake, with a warning).
    private func datasetSubjects(_ graph: Graph, warnings: inout [HarvestWarning]) -> [Term] {
        let typed = graph.subjects(ofType: Namespaces.dcat + "Dataset")
        var seen = Set(typed)
        var untyped: [Term] = []
        for subject in graph.subjects {
            for listed in graph.objects(subject, Namespaces.dcat + "dataset") where !listed.isLiteral && !seen.contains(listed) {
                seen.insert(listed)
                guard graph.predicates(of: listed).contains(Namespaces.dct + "title") else { continue }
                untyped.append(listed)
                warnings.append(HarvestWarning(
                    .invalidValue, dataset: listed.iriValue ?? listed.description, property: Namespaces.rdf + "type",
                    detail: "listed with dcat:dataset but not typed dcat:Dataset; read as a dataset"))
            }
        }
        return typed + untyped
    }

    /// `dcat:Catalogue` (sic), even in an official SEMIC example: read as `dcat:Catalog`, noted.
    private static func catalogueTypoWarnings(_ graph: Graph) -> [HarvestWarning] {
        graph.subjects(ofType: Namespaces.dcat + "Catalogue").map { catalogue in
            HarvestWarning(
                .invalidValue, dataset: catalogue.iriValue ?? catalogue.description, property: Namespaces.rdf + "type",
                detail: "typed dcat:Catalogue, which is not a DCAT class; read as dcat:Catalog")
        }
    }

    private func objects(_ subject: Term, _ field: Profile.Field, _ graph: Graph) -> [Term] {
        var seen = Set<Term>()
        return profile.predicates(for: field).flatMap { graph.objects(subject, $0) }.filter { seen.insert($0).inserted }
    }

    private func map(_ subject: Term, in graph: Graph, warnings: inout [HarvestWarning]) -> RawDataset? {
        let reader = TermReader(graph: graph)
        let identifiers = objects(subject, .identifier, graph).compactMap { reader.rawValue($0)?.text }
        guard let identifier = identifiers.first ?? subject.iriValue else {
            warnings.append(HarvestWarning(
                .unusableDataset, dataset: subject.description, property: Namespaces.dct + "identifier",
                detail: "a blank-node dataset without dct:identifier cannot be identified; skipped"))
            return nil
        }
        if Set(identifiers).count > 1 {
            warnings.append(HarvestWarning(
                .invalidValue, dataset: identifier, property: Namespaces.dct + "identifier",
                detail: "\(Set(identifiers).count) identifiers given; the first was used"))
        }
        var dataset = RawDataset(identifier: identifier, iri: subject.iriValue)
        let context = FieldContext(dataset: identifier, reader: reader, warnings: [])
        fill(&dataset, subject, graph, context, &warnings)
        return dataset
    }

    private struct FieldContext {
        var dataset: String
        var reader: TermReader
        var warnings: [HarvestWarning]
    }

    private func fill(_ dataset: inout RawDataset, _ subject: Term, _ graph: Graph, _ context: FieldContext, _ warnings: inout [HarvestWarning]) {
        let reader = context.reader
        dataset.titles = objects(subject, .title, graph).compactMap(reader.langString)
        dataset.descriptions = objects(subject, .description, graph).compactMap(reader.langString)
        dataset.keywords = objects(subject, .keyword, graph).compactMap(reader.langString)
        dataset.publisher = objects(subject, .publisher, graph).lazy.compactMap(reader.agent).first
        dataset.landingPages = objects(subject, .landingPage, graph).compactMap(reader.url)
        dataset.accessRights = objects(subject, .accessRights, graph).lazy.compactMap(reader.rawValue).first
        dataset.issued = date(.issued, subject, graph, context, &warnings)
        dataset.modified = date(.modified, subject, graph, context, &warnings)
        dataset.distributions = objects(subject, .distribution, graph).filter { !$0.isLiteral }.map(reader.distribution)
        dataset.subjects = count(.subjects, subject, graph, context, &warnings)
        dataset.studies = count(.studies, subject, graph, context, &warnings)
        dataset.minTypicalAge = age(.minTypicalAge, subject, graph, context, &warnings)
        dataset.maxTypicalAge = age(.maxTypicalAge, subject, graph, context, &warnings)
        dataset.conditions = objects(subject, .condition, graph).compactMap(reader.rawValue)
        dataset.modalities = objects(subject, .imageModality, graph).compactMap(reader.rawValue)
        dataset.bodyParts = objects(subject, .imageBodyPart, graph).compactMap(reader.rawValue)
        dataset.interoperabilityLevel = objects(subject, .interoperabilityLevel, graph).lazy.compactMap(reader.rawValue).first
        dataset.contactPoints = objects(subject, .contactPoint, graph).compactMap(reader.contact)
        dataset.temporal = objects(subject, .temporal, graph).compactMap(reader.period)
        dataset.version = objects(subject, .version, graph).lazy.compactMap(\.literalValue).first
        dataset.otherProperties = otherProperties(of: subject, graph, reader)
        warnings += literalURLWarnings(subject, graph, context.dataset)
        if dataset.titles.isEmpty {
            warnings.append(HarvestWarning(.missingTitle, dataset: context.dataset, property: Namespaces.dct + "title", detail: "no dct:title"))
        }
        for field in profile.mandatoryFields where objects(subject, field, graph).isEmpty {
            warnings.append(HarvestWarning(
                .missingProperty, dataset: context.dataset, property: profile.predicates(for: field).first,
                detail: "mandatory in EUCAIM DCAT-AP, not given"))
        }
    }

    /// Every predicate no row maps, values verbatim; `rdf:type dcat:Dataset` itself is implied.
    private func otherProperties(of subject: Term, _ graph: Graph, _ reader: TermReader) -> [String: [RawValue]] {
        var result: [String: [RawValue]] = [:]
        for predicate in graph.predicates(of: subject) where !mapped.contains(predicate) {
            var values = graph.objects(subject, predicate)
            if predicate == Namespaces.rdf + "type" { values.removeAll { $0 == .iri(Namespaces.dcat + "Dataset") } }
            if !values.isEmpty { result[predicate] = values.map { reader.verbatim($0) } }
        }
        return result
    }

    /// URLs written as literals (`"http://…"^^xsd:anyURI`) are kept, and noted.
    private func literalURLWarnings(_ subject: Term, _ graph: Graph, _ dataset: String) -> [HarvestWarning] {
        let datasetLevel = [Namespaces.dcat + "landingPage"].map { (subject, $0) }
        let distributionLevel = objects(subject, .distribution, graph).flatMap { distribution in
            [Namespaces.dcat + "accessURL", Namespaces.dcat + "downloadURL", Namespaces.dct + "license"].map { (distribution, $0) }
        }
        return (datasetLevel + distributionLevel).flatMap { node, predicate in
            graph.objects(node, predicate).filter(\.isLiteral).map { value in
                HarvestWarning(.literalForIRI, dataset: dataset, property: predicate, detail: "\(value) is a literal where an IRI is expected; kept as given")
            }
        }
    }

    private func literal(_ field: Profile.Field, _ subject: Term, _ graph: Graph) -> (String, String)? {
        for (predicate, object) in profile.predicates(for: field).flatMap({ p in graph.objects(subject, p).map { (p, $0) } }) {
            if let text = object.literalValue { return (predicate, text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return nil
    }

    private func date(_ field: Profile.Field, _ subject: Term, _ graph: Graph, _ context: FieldContext, _ warnings: inout [HarvestWarning]) -> String? {
        guard let (predicate, text) = literal(field, subject, graph) else { return nil }
        if !NumberReader.looksLikeDate(text) {
            warnings.append(HarvestWarning(.invalidDate, dataset: context.dataset, property: predicate, detail: "'\(text)' is not an ISO 8601 date; kept as given"))
        }
        return text
    }

    private func count(_ field: Profile.Field, _ subject: Term, _ graph: Graph, _ context: FieldContext, _ warnings: inout [HarvestWarning]) -> Int? {
        guard let (predicate, text) = literal(field, subject, graph) else { return nil }
        guard let value = NumberReader.count(text), value >= 0 else {
            warnings.append(HarvestWarning(.invalidNumber, dataset: context.dataset, property: predicate, detail: "'\(text)' is not a non-negative whole number; left out"))
            return nil
        }
        return value
    }

    private func age(_ field: Profile.Field, _ subject: Term, _ graph: Graph, _ context: FieldContext, _ warnings: inout [HarvestWarning]) -> Double? {
        guard let (predicate, text) = literal(field, subject, graph) else { return nil }
        guard let value = NumberReader.decimal(text), value >= 0, value <= 150 else {
            warnings.append(HarvestWarning(.invalidNumber, dataset: context.dataset, property: predicate, detail: "'\(text)' is not an age in years; left out"))
            return nil
        }
        return value
    }
}

extension Term {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
