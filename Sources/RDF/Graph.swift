/// An in-memory RDF graph, indexed by subject, holding one document (one harvested page).
///
/// DCAT descriptions nest blank nodes (publishers, distributions, periods), so mapping walks from
/// each dataset through this index rather than streaming triples. Object order is kept as parsed
/// and duplicate triples are stored once.
public struct Graph: Sendable {
    private var bySubject: [Term: [String: [Term]]] = [:]
    private var seen: Set<Triple> = []
    /// Subjects in first-seen order, so walks are deterministic.
    public private(set) var subjects: [Term] = []

    public init() {}

    public init(_ triples: some Sequence<Triple>) {
        for triple in triples { insert(triple) }
    }

    public var count: Int { seen.count }

    public mutating func insert(_ triple: Triple) {
        guard seen.insert(triple).inserted else { return }
        if bySubject[triple.subject] == nil { subjects.append(triple.subject) }
        bySubject[triple.subject, default: [:]][triple.predicate, default: []].append(triple.object)
    }

    /// Objects of `subject` for `predicate`, in document order.
    public func objects(_ subject: Term, _ predicate: String) -> [Term] {
        bySubject[subject]?[predicate] ?? []
    }

    /// Objects of `subject` for the first of `predicates` (alternatives such as namespace variants) that has any.
    public func objects(_ subject: Term, anyOf predicates: [String]) -> [Term] {
        var result: [Term] = []
        for predicate in predicates { result.append(contentsOf: objects(subject, predicate)) }
        return result
    }

    /// All predicates used with `subject`.
    public func predicates(of subject: Term) -> [String] {
        bySubject[subject].map { Array($0.keys).sorted() } ?? []
    }

    /// Subjects that have `rdf:type` `type`, in document order.
    public func subjects(ofType type: String) -> [Term] {
        subjects.filter { objects($0, Vocab.rdfType).contains(.iri(type)) }
    }

    /// Every triple, grouped by subject in first-seen order.
    public var triples: [Triple] {
        subjects.flatMap { subject in
            (bySubject[subject] ?? [:]).sorted { $0.key < $1.key }.flatMap { predicate, objects in
                objects.map { Triple(subject, predicate, $0) }
            }
        }
    }
}

/// IRIs the RDF layer itself needs.
enum Vocab {
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
}
