import CatalogueModel
import CatalogueTesting
import Foundation
import SearchIndex
import Testing
import Vocabulary
@testable import CohortCounts

@Suite("Cohort index")
struct CohortIndexTests {
    /// 3 datasets, 600 seeded subjects; every count of the index equals a brute-force count over
    /// the same subjects, and every key sum the wrapping sum of the matched subjects' shares.
    @Test func countsPerDatasetEqualABruteForceCountForEveryFilterCombination() throws {
        let folder = try ProjectPaths.temporaryDirectory("cohort-index")
        defer { try? FileManager.default.removeItem(at: folder) }
        let vocabulary = CohortTestSupport.vocabulary
        let breast = try CohortTestSupport.breast(), lung = try CohortTestSupport.lung()
        let mr = try CohortTestSupport.mr(), ct = try CohortTestSupport.ct()
        var numbers = SeededNumbers(state: 42)
        var subjects: [Int64: [StoredSubject]] = [:]
        for number in 0..<600 {
            let row = Int64(1 + numbers.below(3))
            subjects[row, default: []].append(CohortTestSupport.subject(
                number, sex: ["female", "male", nil][numbers.below(3)], age: numbers.below(5) == 0 ? nil : numbers.below(100),
                cancer: [[breast], [lung], [breast, lung], []][numbers.below(4)], modalities: [[mr], [ct], [mr, ct]][numbers.below(3)]))
        }
        let path = folder.appendingPathComponent("cohort")
        let writer = try CohortIndexWriter(path: path, secret: CohortTestSupport.secret, ancestors: vocabulary.ancestors(of:))
        for (row, list) in subjects { try writer.add(list, datasetRow: row, node: "node-\(row)") }
        try writer.commit(revision: 1)
        #expect(CohortIndexWriter.revision(at: path) == 1)

        let index = try GroupCountingIndex.open(at: path.path, mode: .readOnly)
        let queries: [CohortQuery] = [
            CohortQuery(),
            CohortQuery(filters: [.cancerType: [breast]]),
            CohortQuery(filters: [.cancerType: [breast], .sex: [CohortQueryParser.sexIRI("female")]]),
            CohortQuery(filters: [.modality: [mr], .age: ["50-59", "60-69"]]),
            CohortQuery(filters: [.cancerType: [lung], .modality: [ct], .age: ["90+"], .sex: [CohortQueryParser.sexIRI("male")]]),
            CohortQuery(filters: [.node: ["node-2"], .modality: [mr]]),
        ]
        for query in queries {
            let counted = Dictionary(uniqueKeysWithValues: try index.count(matching: CohortIndexSchema.filters(query, datasetRows: [:])).map { ($0.group, $0) })
            for (row, list) in subjects {
                let matching = list.filter { Self.matches($0, query, node: "node-\(row)", vocabulary: vocabulary) }
                let expected = matching.count
                #expect((counted[String(row)]?.count ?? 0) == expected, "\(query.canonical) in dataset \(row)")
                let keys = matching.map { CohortTestSupport.secret.cellKeyShare(ofPseudonym: $0.raw.pseudonym) }
                #expect((counted[String(row)]?.keySum ?? 0) == CellKey.combine(keys))
            }
        }
    }

    /// A brute-force reading of the query: every dimension must hold (a concept or one of its descendants).
    static func matches(_ subject: StoredSubject, _ query: CohortQuery, node: String, vocabulary: Vocabulary) -> Bool {
        let n = subject.normalised
        func carries(_ concepts: [String], _ wanted: [String]) -> Bool {
            concepts.contains { concept in wanted.contains(concept) || vocabulary.ancestors(of: concept).contains { wanted.contains($0) } }
        }
        for (dimension, values) in query.filters {
            switch dimension {
            case .cancerType: if !carries(n.cancerTypes, values) { return false }
            case .modality: if !carries(n.modalities, values) { return false }
            case .bodySite: if !carries(n.bodySites, values) { return false }
            case .sex: if !(n.sex.map(values.contains) ?? false) { return false }
            case .age: if !(n.ageBand.map { values.contains(CohortQuery.bandText($0)) } ?? false) { return false }
            case .node: if !values.contains(node) { return false }
            case .dataset: return false
            }
        }
        return true
    }

    @Test func replacingADatasetsSubjectsRemovesTheOldOnesFromItsCountsOnly() throws {
        let folder = try ProjectPaths.temporaryDirectory("cohort-replace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let breast = try CohortTestSupport.breast(), mr = try CohortTestSupport.mr()
        let path = folder.appendingPathComponent("cohort")
        let writer = try CohortIndexWriter(path: path, secret: CohortTestSupport.secret, ancestors: CohortTestSupport.vocabulary.ancestors(of:))
        let first = (0..<30).map { CohortTestSupport.subject($0, sex: "female", age: 55, cancer: [breast], modalities: [mr]) }
        let second = (30..<50).map { CohortTestSupport.subject($0, sex: "female", age: 55, cancer: [breast], modalities: [mr]) }
        try writer.add(first, datasetRow: 1, node: "a")
        try writer.add(second, datasetRow: 2, node: "b")
        try writer.commit(revision: 1)
        try writer.replaceSubjects(ofDatasetRow: 1, node: "a", with: Array(first.prefix(12)))
        try writer.commit(revision: 2)
        let counts = try GroupCountingIndex.open(at: path.path, mode: .readOnly).count(matching: [])
        #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.group, $0.count) }) == ["1": 12, "2": 20])
    }
}
