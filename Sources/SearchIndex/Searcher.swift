import CatalogueModel
internal import CXapian

/// Runs one `SearchRequest` through the shim: filters (OR within a field, AND across fields),
/// sort, page, and exact counts for every facet, disjunctive for the fields with a selection.
struct Searcher {
    let database: XapianDatabase

    func search(_ request: SearchRequest) throws -> SearchResult {
        let selectedFields = FacetField.allCases.filter { request.filters[$0]?.isEmpty == false }
        var filterTerms: [String] = []
        var filterGroups: [UInt32] = []
        for (group, field) in selectedFields.enumerated() {
            for value in request.filters[field, default: []].sorted() {
                filterTerms.append(TermEncoder.term(prefix: IndexSchema.prefix(field), value: value).text)
                filterGroups.append(UInt32(group))
            }
        }
        let facets = FacetField.allCases
        let excluded = facets.map { field in Int32(selectedFields.firstIndex(of: field) ?? -1) }
        let (sort, slot) = Self.sort(request.sort)
        // Checked: a request built without the engine's paging limits gets an empty page, not a trap.
        let (skipped, overflow) = (request.page - 1).multipliedReportingOverflow(by: request.perPage)
        let offset = overflow ? UInt32.max : UInt32(clamping: skipped)
        let limit = UInt32(clamping: request.perPage)

        // The text is canonical search text (SearchText.canonical); a clause's words are words of
        // it in the case they were written, so they are lower-cased like the rest.
        let synonymTexts = request.synonyms.map { $0.text.lowercased() }
        let synonymTerms = request.synonyms.map { clause in
            clause.concepts.keys.sorted().flatMap { field in
                clause.concepts[field, default: []].map { TermEncoder.term(prefix: IndexSchema.prefix(field), value: $0).text }
            }
        }
        let result = try CStrings.with(synonymTexts) { synonymTextPointers in
        try CStrings.with(synonymTerms.flatMap { $0 }) { synonymTermPointers in
        try synonymTerms.map(\.count).withUnsafeBufferPointer { synonymCounts in
        try CStrings.with(filterTerms) { termPointers in
            try CStrings.with(facets.map(IndexSchema.prefix)) { prefixPointers in
                try filterGroups.withUnsafeBufferPointer { groups in
                    try excluded.withUnsafeBufferPointer { excludedGroups in
                        try request.text.withCString { text in
                            var cRequest = cx_search_request(
                                text: text, filter_terms: termPointers, filter_groups: groups.baseAddress,
                                filter_count: filterTerms.count, sort: sort, sort_slot: slot,
                                offset: offset, limit: limit,
                                facet_prefixes: prefixPointers, facet_excluded_groups: excludedGroups.baseAddress,
                                facet_count: facets.count,
                                synonym_texts: synonymTextPointers, synonym_term_counts: synonymCounts.baseAddress,
                                synonym_terms: synonymTermPointers, synonym_count: synonymTexts.count)
                            return try XapianCall.value("search") { cx_database_search(database.handle, &cRequest, $0) }
                        }
                    }
                }
            }
        }
        }
        }
        }
        defer { cx_result_free(result) }
        return try read(result, facets: facets)
    }

    private static func sort(_ sort: SearchRequest.Sort) -> (Int32, UInt32) {
        switch sort {
        case .relevance: (Int32(CX_SORT_RELEVANCE), 0)
        case .subjects: (Int32(CX_SORT_VALUE_DESCENDING), IndexSchema.slot("subjects"))
        case .modified: (Int32(CX_SORT_VALUE_DESCENDING), IndexSchema.slot("modified"))
        case .title: (Int32(CX_SORT_VALUE_ASCENDING), IndexSchema.slot("titleSortKey"))
        }
    }

    private func read(_ result: OpaquePointer, facets: [FacetField]) throws -> SearchResult {
        var hits: [DatasetKey] = []
        for index in 0..<cx_result_hit_count(result) {
            var length = 0
            let bytes = cx_result_hit_data(result, index, &length)!
            let data = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
            if let key = DocumentWriter.key(fromData: data) { hits.append(key) }
        }
        var counts: [FacetField: [String: Int]] = [:]
        for (position, field) in facets.enumerated() {
            var values: [String: Int] = [:]
            for index in 0..<cx_result_facet_value_count(result, position) {
                var count: UInt32 = 0
                let value = String(cString: cx_result_facet_value(result, position, index, &count))
                values[try original(value, field: field), default: 0] += Int(count)
            }
            counts[field] = values
        }
        return SearchResult(total: Int(cx_result_total(result)), hits: hits, facets: counts)
    }

    /// Maps a hashed overlong value back to the value it stands for.
    private func original(_ value: String, field: FacetField) throws -> String {
        guard value.hasPrefix(TermEncoder.hashedMarker) else { return value }
        let stored = try database.metadata(TermEncoder.metadataKey(forHashedTerm: IndexSchema.prefix(field) + value))
        return stored.isEmpty ? value : stored
    }
}
