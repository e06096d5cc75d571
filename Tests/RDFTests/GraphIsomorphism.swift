@testable import RDF

/// Whether two small graphs are the same up to blank-node labels (for comparing a JSON-LD parse
/// with its Turtle twin). Backtracking over blank nodes grouped by a structural signature; fine
/// for the few dozen blank nodes of an example file.
enum GraphIsomorphism {
    static func isomorphic(_ left: Graph, _ right: Graph) -> Bool {
        let a = left.triples, b = right.triples
        guard a.count == b.count else { return false }
        let blanksA = blanks(a), blanksB = blanks(b)
        guard blanksA.count == blanksB.count else { return false }
        let target = Set(b)
        var mapping: [Term: Term] = [:]
        return extend(&mapping, Array(blanksA), Set(blanksB), a, target, signatures(a), signatures(b))
    }

    private static func blanks(_ triples: [Triple]) -> Set<Term> {
        Set(triples.flatMap { [$0.subject, $0.object] }.filter(\.isBlank))
    }

    /// What a blank node touches, with other blank nodes abstracted.
    private static func signatures(_ triples: [Triple]) -> [Term: [String]] {
        var result: [Term: [String]] = [:]
        for triple in triples {
            let object = triple.object.isBlank ? "_" : triple.object.description
            let subject = triple.subject.isBlank ? "_" : triple.subject.description
            if triple.subject.isBlank { result[triple.subject, default: []].append("out \(triple.predicate) \(object)") }
            if triple.object.isBlank { result[triple.object, default: []].append("in \(triple.predicate) \(subject)") }
        }
        return result.mapValues { $0.sorted() }
    }

    private static func extend(
        _ mapping: inout [Term: Term], _ remaining: [Term], _ free: Set<Term>, _ triples: [Triple], _ target: Set<Triple>,
        _ signaturesA: [Term: [String]], _ signaturesB: [Term: [String]]
    ) -> Bool {
        guard let next = remaining.first else {
            return triples.allSatisfy { target.contains(Triple(mapping[$0.subject] ?? $0.subject, $0.predicate, mapping[$0.object] ?? $0.object)) }
        }
        for candidate in free where signaturesA[next] == signaturesB[candidate] {
            mapping[next] = candidate
            if consistent(mapping, triples, target), extend(&mapping, Array(remaining.dropFirst()), free.subtracting([candidate]), triples, target, signaturesA, signaturesB) {
                return true
            }
            mapping[next] = nil
        }
        return false
    }

    /// Triples whose blank nodes are all mapped must already be in the target.
    private static func consistent(_ mapping: [Term: Term], _ triples: [Triple], _ target: Set<Triple>) -> Bool {
        triples.allSatisfy { triple in
            let subject = triple.subject.isBlank ? mapping[triple.subject] : triple.subject
            let object = triple.object.isBlank ? mapping[triple.object] : triple.object
            guard let subject, let object else { return true }
            return target.contains(Triple(subject, triple.predicate, object))
        }
    }
}
