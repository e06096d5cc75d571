import Foundation
import RDF

extension NodeAPIMapping {
    /// Reads and checks a mapping file: unknown keys, missing selectors, pointers and XPath
    /// expressions that do not compile and unknown paging rules are refused with the key path.
    public static func load(from file: URL) throws(CustomMappingError) -> NodeAPIMapping {
        let name = file.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw CustomMappingError(source: name, message: "cannot be read (\((error as NSError).localizedDescription))")
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse(data)
        } catch {
            throw CustomMappingError(source: name, location: "line \(error.line), column \(error.column)", message: error.message)
        }
        return try MappingFileReader(source: name).read(document)
    }
}

/// Checks a mapping document key by key.
struct MappingFileReader {
    let source: String

    private static let topKeys: Set<String> = ["format", "records", "namespaces", "fields", "distributions", "paging", "description"]
    private static let selectorKeys: Set<String> = ["path", "as", "language", "split", "prefix"]

    func read(_ document: JSONValue) throws(CustomMappingError) -> NodeAPIMapping {
        guard let top = document.objectValue else { throw problem(nil, "a mapping file is a JSON object") }
        try checkKeys(top, Self.topKeys, at: nil)
        guard let formatText = top["format"]?.stringValue, let format = NodeAPIMapping.Format(rawValue: formatText) else {
            throw problem("format", "must be \"json\" or \"xml\"")
        }
        var mapping = NodeAPIMapping(format: format, records: try string(top["records"], at: "records"))
        if let namespaces = top["namespaces"] {
            guard let entries = namespaces.objectValue, format == .xml else { throw problem("namespaces", "an object of prefixes, for xml mappings only") }
            for (prefix, uri) in entries { mapping.namespaces[prefix] = try string(uri, at: "namespaces.\(prefix)") }
        }
        try checkPath(mapping.records, format, at: "records")
        guard let fields = top["fields"]?.objectValue else { throw problem("fields", "is required: an object of dataset fields") }
        for (key, value) in fields {
            guard let field = NodeAPIMapping.Field(rawValue: key) else {
                throw problem("fields.\(key)", "unknown field; known: \(NodeAPIMapping.Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mapping.fields[field] = try selectors(value, format, at: "fields.\(key)")
        }
        guard mapping.fields[.identifier] != nil else { throw problem("fields.identifier", "is required: every dataset needs an identifier") }
        if let distributions = top["distributions"] { mapping.distributions = try readDistributions(distributions, format) }
        if let paging = top["paging"] { mapping.paging = try readPaging(paging, format) }
        return mapping
    }

    private func selectors(_ value: JSONValue, _ format: NodeAPIMapping.Format, at location: String) throws(CustomMappingError) -> [NodeAPIMapping.Selector] {
        let items = value.arrayValue ?? [value]
        guard !items.isEmpty else { throw problem(location, "needs at least one selector") }
        var result: [NodeAPIMapping.Selector] = []
        for (index, item) in items.enumerated() {
            let place = items.count > 1 || value.arrayValue != nil ? "\(location)[\(index)]" : location
            if let path = item.stringValue {
                try checkPath(path, format, at: place)
                result.append(NodeAPIMapping.Selector(path: path))
                continue
            }
            guard let entries = item.objectValue else { throw problem(place, "a selector is a path string or an object with \"path\"") }
            try checkKeys(entries, Self.selectorKeys, at: place)
            var selector = NodeAPIMapping.Selector(path: try string(entries["path"], at: place + ".path"))
            try checkPath(selector.path, format, at: place + ".path")
            if let kind = entries["as"] {
                guard kind == .string("iri") || kind == .string("literal") else { throw problem(place + ".as", "must be \"iri\" or \"literal\"") }
                selector.asIRI = kind == .string("iri")
            }
            selector.language = try entries["language"].map { (value) throws(CustomMappingError) in try string(value, at: place + ".language") }
            selector.split = try entries["split"].map { (value) throws(CustomMappingError) in try string(value, at: place + ".split") }
            selector.prefix = try entries["prefix"].map { (value) throws(CustomMappingError) in try string(value, at: place + ".prefix") }
            result.append(selector)
        }
        return result
    }

    private func readDistributions(_ value: JSONValue, _ format: NodeAPIMapping.Format) throws(CustomMappingError) -> NodeAPIMapping.Distributions {
        guard let entries = value.objectValue else { throw problem("distributions", "must be an object with path and fields") }
        try checkKeys(entries, ["path", "fields"], at: "distributions")
        let path = try string(entries["path"], at: "distributions.path")
        try checkPath(path, format, at: "distributions.path")
        var fields: [String: [NodeAPIMapping.Selector]] = [:]
        for (key, selector) in entries["fields"]?.objectValue ?? [:] {
            guard NodeAPIMapping.Distributions.fieldNames.contains(key) else {
                throw problem("distributions.fields.\(key)", "unknown field; known: \(NodeAPIMapping.Distributions.fieldNames.sorted().joined(separator: ", "))")
            }
            fields[key] = try selectors(selector, format, at: "distributions.fields.\(key)")
        }
        return NodeAPIMapping.Distributions(path: path, fields: fields)
    }

    private func readPaging(_ value: JSONValue, _ format: NodeAPIMapping.Format) throws(CustomMappingError) -> NodeAPIMapping.Paging {
        guard let entries = value.objectValue else { throw problem("paging", "must be an object with a rule") }
        let rule = try string(entries["rule"], at: "paging.rule")
        switch rule {
        case "none":
            try checkKeys(entries, ["rule"], at: "paging")
            return .none
        case "nextLink":
            try checkKeys(entries, ["rule", "path"], at: "paging")
            let path = try string(entries["path"], at: "paging.path")
            try checkPath(path, format, at: "paging.path")
            return .nextLink(path)
        case "pageNumber":
            try checkKeys(entries, ["rule", "parameter", "first", "lastPage"], at: "paging")
            let lastPage = try entries["lastPage"].map { (value) throws(CustomMappingError) in try string(value, at: "paging.lastPage") }
            if let lastPage { try checkPath(lastPage, format, at: "paging.lastPage") }
            return .pageNumber(
                parameter: try entries["parameter"].map { (value) throws(CustomMappingError) in try string(value, at: "paging.parameter") } ?? "page",
                first: try integer(entries["first"], at: "paging.first") ?? 1, lastPage: lastPage)
        case "offset":
            try checkKeys(entries, ["rule", "offsetParameter", "limitParameter", "limit", "total"], at: "paging")
            guard let limit = try integer(entries["limit"], at: "paging.limit"), limit > 0 else { throw problem("paging.limit", "is required: a positive page size") }
            let total = try entries["total"].map { (value) throws(CustomMappingError) in try string(value, at: "paging.total") }
            if let total { try checkPath(total, format, at: "paging.total") }
            return .offset(
                offsetParameter: try entries["offsetParameter"].map { (value) throws(CustomMappingError) in try string(value, at: "paging.offsetParameter") } ?? "offset",
                limitParameter: try entries["limitParameter"].map { (value) throws(CustomMappingError) in try string(value, at: "paging.limitParameter") } ?? "limit",
                limit: limit, total: total)
        default:
            throw problem("paging.rule", "'\(rule)' is not one of none, nextLink, pageNumber, offset")
        }
    }

    private func checkPath(_ path: String, _ format: NodeAPIMapping.Format, at location: String) throws(CustomMappingError) {
        switch format {
        case .json:
            guard JSONPointer(path) != nil else { throw problem(location, "'\(path)' is not a JSON Pointer (it starts with '/')") }
        case .xml:
            if let reason = XPathDocument.compileError(path) { throw problem(location, "'\(path)' is not a valid XPath expression: \(reason)") }
        }
    }

    private func checkKeys(_ entries: [String: JSONValue], _ allowed: Set<String>, at location: String?) throws(CustomMappingError) {
        for key in entries.keys.sorted() where !allowed.contains(key) {
            throw problem(location.map { "\($0).\(key)" } ?? key, "unknown key; known: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    private func string(_ value: JSONValue?, at location: String) throws(CustomMappingError) -> String {
        guard let text = value?.stringValue, !text.isEmpty else { throw problem(location, value == nil ? "is required" : "must be a non-empty string") }
        return text
    }

    private func integer(_ value: JSONValue?, at location: String) throws(CustomMappingError) -> Int? {
        guard let value else { return nil }
        // Int(exactly:) — `Int(1e50)` would trap (found by the mapping fuzzer); a count that large is a mistake.
        guard case .number(let number) = value, let integer = Int(exactly: number), integer >= 0, integer <= Self.largestCount else {
            throw problem(location, "must be a whole number from 0 to \(Self.largestCount)")
        }
        return integer
    }

    /// The largest page size, offset or page number a mapping may name.
    static let largestCount = 1_000_000_000

    private func problem(_ location: String?, _ message: String) -> CustomMappingError {
        CustomMappingError(source: source, location: location, message: message)
    }
}
