import Foundation
import CatalogueModel
internal import CXapian

/// Turns an `IndexedDataset` into a Xapian document following `IndexSchema`.
struct DocumentWriter {
    let database: XapianDatabase

    static func uniqueTerm(_ key: DatasetKey) -> String {
        TermEncoder.term(prefix: IndexSchema.uniqueIDPrefix, value: SortKeys.joinedKey(node: key.node, id: key.id)).text
    }

    static func data(_ key: DatasetKey) -> String { SortKeys.joinedKey(node: key.node, id: key.id) }

    static func key(fromData data: String) -> DatasetKey? {
        guard let separator = data.range(of: SortKeys.keySeparator) else { return nil }
        return DatasetKey(node: String(data[..<separator.lowerBound]), id: String(data[separator.upperBound...]))
    }

    /// Replaces only the concept facets (the value-backed ones) of a stored document; false when
    /// the document is not there. Node and access-right terms do not depend on the vocabularies.
    func updateFacets(_ dataset: IndexedDataset) throws -> Bool {
        let prefixes = IndexSchema.valueBackedFilters.map(\.prefix)
        let terms = try facetTerms(dataset).filter { term in prefixes.contains { term.hasPrefix($0) } }
        var found: Int32 = 0
        try CStrings.with(prefixes) { prefixPointers in
            try CStrings.with(terms) { termPointers in
                try XapianCall.check("update facet terms") {
                    cx_database_update_terms(database.handle, Self.uniqueTerm(dataset.key), prefixPointers, prefixes.count,
                                             termPointers, terms.count, &found, $0)
                }
            }
        }
        return found != 0
    }

    private func facetTerms(_ dataset: IndexedDataset) throws -> [String] {
        var booleanTerms: [String] = []
        for field in FacetField.allCases {
            for value in dataset.facetValues[field] ?? [] {
                let term = TermEncoder.term(prefix: IndexSchema.prefix(field), value: value)
                if let original = term.hashedValue {
                    try database.setMetadata(TermEncoder.metadataKey(forHashedTerm: term.text), original)
                }
                booleanTerms.append(term.text)
            }
        }
        return booleanTerms
    }

    func write(_ dataset: IndexedDataset) throws {
        let booleanTerms = try facetTerms(dataset)
        let texts = [dataset.title] + dataset.text
        let weights = [IndexSchema.weight("title")] + Array(repeating: IndexSchema.weight("text"), count: dataset.text.count)
        var values: [(UInt32, String)] = [(IndexSchema.slot("titleSortKey"), SortKeys.title(dataset.title))]
        if let subjects = dataset.subjects { values.append((IndexSchema.slot("subjects"), SortKeys.number(subjects))) }
        if let modified = dataset.modified { values.append((IndexSchema.slot("modified"), modified)) }
        try add(unique: Self.uniqueTerm(dataset.key), terms: booleanTerms, texts: texts, weights: weights, values: values,
                data: Self.data(dataset.key))
    }

    private func add(unique: String, terms: [String], texts: [String], weights: [UInt32], values: [(UInt32, String)], data: String) throws {
        let valueBytes = values.map { Array($0.1.utf8) }
        try CStrings.with(terms) { termPointers in
            try CStrings.with(texts) { textPointers in
                try CStrings.with(values.map(\.1)) { valuePointers in
                    try weights.withUnsafeBufferPointer { weightBuffer in
                        let slots = values.map(\.0)
                        let lengths = valueBytes.map(\.count)
                        try slots.withUnsafeBufferPointer { slotBuffer in
                            try lengths.withUnsafeBufferPointer { lengthBuffer in
                                try unique.withCString { uniquePointer in
                                    try data.withCString { dataPointer in
                                        var spec = cx_document_spec(
                                            unique_term: uniquePointer,
                                            boolean_terms: termPointers, boolean_term_count: terms.count,
                                            texts: textPointers, text_count: texts.count, text_weights: weightBuffer.baseAddress,
                                            value_slots: slotBuffer.baseAddress, values: valuePointers,
                                            value_lengths: lengthBuffer.baseAddress, value_count: values.count,
                                            data: dataPointer, data_length: data.utf8.count)
                                        try XapianCall.check("index dataset") { cx_database_replace(database.handle, &spec, $0) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
