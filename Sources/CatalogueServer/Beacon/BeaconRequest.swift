import Foundation
import HTTPTypes
import RDF

/// A Beacon v2 `individuals` request as this Beacon reads it: ontology terms (each later
/// resolved to the count filter whose scheme carries it) and at most one age range, built from
/// alphanumeric `age` filters. Anything the count policy cannot answer exactly — negation,
/// wildcards, terms without their descendants, fuzzy similarity, other alphanumeric fields,
/// request parameters — is refused with the filter's place, never ignored
/// (`reference/privacy.md` §5.2).
struct BeaconRequest {
    /// Ontology terms with where each was written (`query.filters[1]`).
    var terms: [(term: String, place: String)] = []
    /// The age range as the native filter writes it (`50-69`, `60+`), when the request has one.
    var age: String?
    /// The filters as received, echoed in `receivedRequestSummary`.
    var receivedFilters: [String] = []
    var requestedGranularity = "count"
    var requestedSchemas: [JSONValue] = []
    var apiVersion = BeaconDocuments.apiVersion

    static let granularities: Set<String> = ["boolean", "count", "aggregated", "record"]
    static let metaMembers: Set<String> = ["apiVersion", "requestedSchemas"]
    static let queryMembers: Set<String> = ["filters", "includeResultsetResponses", "pagination", "requestParameters", "requestedGranularity", "testMode"]
    static let filterMembers: Set<String> = ["id", "includeDescendantTerms", "similarity", "scope", "operator", "value"]
    static let ageFields: Set<String> = ["age", "ageatdiagnosis", "age_at_diagnosis", "ageofonset"]

    var isFiltered: Bool { !terms.isEmpty || age != nil }

    /// The request of a POST body (`meta`, `query`).
    init(body: JSONBody) throws(Problem) {
        if let schema = body.value("$schema"), schema.stringValue == nil { throw Self.refusal("$schema", "must be a string") }
        if let meta = body.value("meta") {
            guard let object = meta.objectValue else { throw Self.refusal("meta", "must be an object") }
            try Self.requireKnown(object, Self.metaMembers, in: "meta")
            if let version = object["apiVersion"] {
                guard let text = version.stringValue else { throw Self.refusal("meta.apiVersion", "must be a string") }
                apiVersion = text
            }
            if let schemas = object["requestedSchemas"] {
                guard let items = schemas.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
                    throw Self.refusal("meta.requestedSchemas", "must be an array of objects")
                }
                requestedSchemas = items
            }
        }
        guard let query = body.value("query") else { return }
        guard let members = query.objectValue else { throw Self.refusal("query", "must be an object") }
        try Self.requireKnown(members, Self.queryMembers, in: "query")
        try Self.checkOptions(members)
        if let parameters = members["requestParameters"], parameters != .object([:]) {
            guard parameters.objectValue != nil else { throw Self.refusal("query.requestParameters", "must be an object") }
            throw Self.refusal("query.requestParameters", "this Beacon counts individuals by filters only and takes no request parameters")
        }
        if let granularity = members["requestedGranularity"] {
            guard let text = granularity.stringValue, Self.granularities.contains(text) else {
                throw Self.refusal("query.requestedGranularity", "must be one of boolean, count, aggregated, record")
            }
            requestedGranularity = text
        }
        if let filters = members["filters"] {
            guard let items = filters.arrayValue else { throw Self.refusal("query.filters", "must be an array of filters") }
            try read(items)
        }
    }

    /// The request of a GET query string: `filters=NCIT:C4872,DICOM:MR` (ontology terms only).
    init(parameters: QueryParameters) throws(Problem) {
        if let granularity = try parameters.single("requestedGranularity") {
            guard Self.granularities.contains(granularity) else {
                throw Self.refusal("requestedGranularity", "must be one of boolean, count, aggregated, record")
            }
            requestedGranularity = granularity
        }
        let ids = parameters.all("filters").flatMap { $0.split(separator: ",").map { String($0) } }
        for (position, id) in ids.enumerated() {
            terms.append((id, "filters[\(position)]"))
            receivedFilters.append(id)
        }
    }

    private mutating func read(_ filters: [JSONValue]) throws(Problem) {
        var lower: Int?, upper: Int?, range: String?
        for (position, filter) in filters.enumerated() {
            let place = "query.filters[\(position)]"
            guard let object = filter.objectValue else { throw Self.refusal(place, "must be an object with an 'id'") }
            try Self.requireKnown(object, Self.filterMembers, in: place)
            guard let id = object["id"]?.stringValue else { throw Self.refusal("\(place).id", "must be a string") }
            for name in ["similarity", "operator", "value"] where object[name] != nil && object[name]?.stringValue == nil {
                throw Self.refusal("\(place).\(name)", "must be a string")
            }
            receivedFilters.append(id)
            if let scope = object["scope"] {
                guard let text = scope.stringValue, ["individual", "individuals"].contains(text) else {
                    throw Self.refusal("\(place).scope", "this Beacon filters individuals only (scope 'individual')")
                }
            }
            if object["operator"] != nil || object["value"] != nil {
                try readAlphanumeric(object, id: id, place: place, lower: &lower, upper: &upper, range: &range)
                continue
            }
            if let descendants = object["includeDescendantTerms"], descendants != .bool(true) {
                throw Self.refusal("\(place).includeDescendantTerms", "counts always include a term's descendants; send true or leave it out")
            }
            if let similarity = object["similarity"], similarity != .string("exact") {
                throw Self.refusal("\(place).similarity", "counts take exact terms only; send 'exact' or leave it out")
            }
            terms.append((id, place))
        }
        age = try Self.ageRange(lower: lower, upper: upper, range: range)
    }

    private func readAlphanumeric(
        _ object: [String: JSONValue], id: String, place: String, lower: inout Int?, upper: inout Int?, range: inout String?
    ) throws(Problem) {
        guard Self.ageFields.contains(id.lowercased()) else {
            throw Self.refusal("\(place).id", "'\(id)' takes no operator: the only alphanumeric filter is age (in years)")
        }
        let operation = object["operator"]?.stringValue ?? "="
        guard let value = object["value"]?.stringValue?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw Self.refusal("\(place).value", "must be a string: an age in years (50, P50Y) or a band range (50-69)")
        }
        if value.contains("%") { throw Self.refusal("\(place).value", "'\(value)' is refused: counts take no wildcards") }
        func years() throws(Problem) -> Int {
            let digits = value.uppercased().hasPrefix("P") && value.uppercased().hasSuffix("Y") ? String(value.dropFirst().dropLast()) : value
            guard let number = Int(digits), (0...150).contains(number) else {
                throw Self.refusal("\(place).value", "'\(value)' is not an age in years (50 or P50Y)")
            }
            return number
        }
        func set(_ bound: inout Int?, _ value: Int) throws(Problem) {
            guard bound == nil else { throw Self.refusal(place, "a second bound of the same side for age: a count takes one age range") }
            bound = value
        }
        switch operation {
        case "=":
            guard range == nil else { throw Self.refusal(place, "age is given twice: a count takes one age range") }
            range = value
        case ">=": try set(&lower, try years())
        case ">": try set(&lower, try years() + 1)
        case "<=": try set(&upper, try years())
        case "<": try set(&upper, try years() - 1)
        case "!": throw Self.refusal("\(place).operator", "counts take no negation")
        default: throw Self.refusal("\(place).operator", "'\(operation)' is not a Beacon operator (=, <, >, <=, >=)")
        }
    }

    /// One range from the bounds: `50-69`, `60+`, `0-49`; refused when `=` and bounds are mixed.
    static func ageRange(lower: Int?, upper: Int?, range: String?) throws(Problem) -> String? {
        if let range {
            guard lower == nil, upper == nil else { throw refusal("query.filters", "age is given both as a range and as bounds: a count takes one age range") }
            return range
        }
        switch (lower, upper) {
        case (nil, nil): return nil
        case (let lower?, nil): return "\(lower)+"
        case (nil, let upper?): return "0-\(upper)"
        case (let lower?, let upper?): return "\(lower)-\(upper)"
        }
    }

    /// Unknown members are refused, not ignored: a filter this Beacon would drop could widen the count.
    static func requireKnown(_ object: [String: JSONValue], _ known: Set<String>, in place: String) throws(Problem) {
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw refusal("\(place).\(unknown)", "is not a member this Beacon reads: \(place) takes \(known.sorted().joined(separator: ", "))")
        }
    }

    /// The query's options that change nothing in a count answer still have to be well-formed.
    static func checkOptions(_ members: [String: JSONValue]) throws(Problem) {
        if let mode = members["testMode"] {
            guard case .bool = mode else { throw refusal("query.testMode", "must be true or false") }
        }
        if let include = members["includeResultsetResponses"], !["HIT", "MISS", "NONE", "ALL"].contains(include.stringValue ?? "") {
            throw refusal("query.includeResultsetResponses", "must be one of HIT, MISS, NONE, ALL")
        }
        if let pagination = members["pagination"] {
            guard let object = pagination.objectValue else { throw refusal("query.pagination", "must be an object of skip and limit") }
            try requireKnown(object, ["skip", "limit"], in: "query.pagination")
            for (name, value) in object {
                guard case .number(let number) = value, number >= 0, number == number.rounded() else {
                    throw refusal("query.pagination.\(name)", "must be a whole number ≥ 0")
                }
            }
        }
    }

    static func refusal(_ place: String, _ reason: String) -> Problem {
        Problem(.badRequest, type: Problem.typeURI("invalid-count-query"), detail: "\(place) \(reason)", parameter: place)
    }
}
