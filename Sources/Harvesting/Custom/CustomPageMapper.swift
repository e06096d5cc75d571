import CatalogueModel
import Foundation
import RDF

/// One page of a custom API, mapped: its datasets (with warnings) and the next page, if any.
public struct CustomPage: Sendable {
    public var result: MappingResult
    public var next: URL?
}

/// Maps pages of a node's own JSON or XML API onto dataset records through a ``NodeAPIMapping``.
/// A page that is not well-formed fails; a record that cannot be used becomes a warning and the
/// others go on.
public struct CustomPageMapper: Sendable {
    public let mapping: NodeAPIMapping

    public init(mapping: NodeAPIMapping) { self.mapping = mapping }

    public func map(_ data: Data, pageURL: URL, source: String) throws(CustomMappingError) -> CustomPage {
        let page = try PageCursor(data, mapping: mapping, source: source)
        var builder = CustomRecordBuilder(mapping: mapping)
        var result = MappingResult()
        var seen = Set<String>()
        let records = try page.records()
        for (index, record) in records.enumerated() {
            guard let dataset = builder.dataset(from: record, number: index + 1, on: page) else { continue }
            guard seen.insert(dataset.identifier).inserted else {
                builder.warnings.append(HarvestWarning(
                    .duplicateDataset, dataset: dataset.identifier, detail: "listed twice on \(source); the first was kept"))
                continue
            }
            result.datasets.append(dataset)
        }
        result.warnings = builder.warnings
        return CustomPage(result: result, next: try CustomPaging(mapping.paging).next(after: pageURL, page: page, recordCount: records.count))
    }
}

/// The records of one page and the values a selector finds in them, for JSON or XML alike.
struct PageCursor {
    enum Record {
        case json(JSONValue)
        case xml(XPathDocument.Node)
    }

    private let json: JSONValue?
    private let xml: XPathDocument?
    private let mapping: NodeAPIMapping
    let source: String

    init(_ data: Data, mapping: NodeAPIMapping, source: String) throws(CustomMappingError) {
        self.mapping = mapping
        self.source = source
        switch mapping.format {
        case .json:
            do {
                json = try JSONValue.parse(data)
            } catch {
                throw CustomMappingError(source: source, location: "line \(error.line), column \(error.column)", message: error.message)
            }
            xml = nil
        case .xml:
            do {
                xml = try XPathDocument(data, namespaces: mapping.namespaces)
            } catch {
                let location = error.line.map { "line \($0)" + (error.column.map { ", column \($0)" } ?? "") }
                throw CustomMappingError(source: source, location: location, message: error.message)
            }
            json = nil
        }
    }

    func records() throws(CustomMappingError) -> [Record] {
        if let json {
            let pointer = JSONPointer(mapping.records)
            let found = pointer?.evaluate(json) ?? []
            // A list that is there but empty is a page without records; no list at all is a page
            // of another shape (an error document, a changed API).
            if found.isEmpty, pointer?.tokens.contains("*") != true {
                throw CustomMappingError(source: source, location: mapping.records, message: "the page has no record list there")
            }
            return found.flatMap { $0.arrayValue ?? [$0] }.map(Record.json)
        }
        guard let xml else { return [] }
        do {
            return try xml.nodes(mapping.records).map(Record.xml)
        } catch {
            throw CustomMappingError(source: source, location: mapping.records, message: error.message)
        }
    }

    /// The text values `path` selects inside `record` (or on the whole page when nil).
    func values(_ path: String, in record: Record?) -> [String] {
        switch record {
        case .json(let value)?: return Self.texts(JSONPointer(path)?.evaluate(value) ?? [])
        case .xml(let node)?: return (try? xml?.strings(path, at: node)) ?? []
        case nil:
            if let json { return Self.texts(JSONPointer(path)?.evaluate(json) ?? []) }
            return (try? xml?.strings(path)) ?? []
        }
    }

    /// Sub-records (distributions) inside a record.
    func records(_ path: String, in record: Record) -> [Record] {
        switch record {
        case .json(let value): (JSONPointer(path)?.evaluate(value) ?? []).flatMap { $0.arrayValue ?? [$0] }.map(Record.json)
        case .xml(let node): ((try? xml?.nodes(path, at: node)) ?? []).map(Record.xml)
        }
    }

    private static func texts(_ values: [JSONValue]) -> [String] {
        values.flatMap { value -> [String] in
            switch value {
            case .string(let text): [text]
            case .number(let number): [number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)]
            case .bool(let flag): [flag ? "true" : "false"]
            case .array(let items): texts(items)
            default: []
            }
        }
    }
}
