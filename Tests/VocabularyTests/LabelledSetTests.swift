import CatalogueModel
import CatalogueTesting
import Foundation
import Testing
@testable import Vocabulary

/// Precision and recall of the normaliser on real catalogue values with their expected concepts
/// (`Fixtures/labelled-values.tsv`; sources in `labelled-values.SOURCES.md`). A value's `context`
/// is given to the normaliser as the dataset's title, as a catalogue would carry it.
@Suite struct LabelledSetTests {
    struct Row {
        var line: Int
        var field: ConceptScheme
        var value: String
        var context: String
        var expected: Set<String>
    }

    static func rows() throws -> [Row] {
        let url = ProjectPaths.project("Tests/VocabularyTests/Fixtures/labelled-values.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let schemeFolders: [String: String] = ["cancerType": "cancer-type", "modality": "imaging-modality", "bodySite": "body-site"]
        return try lines.enumerated().dropFirst().compactMap { index, line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, !cells[0].isEmpty else { return nil }
            guard let field = ConceptScheme(rawValue: cells[0]), let folder = schemeFolders[cells[0]] else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: "line \(index + 1): unknown field \(cells[0])"])
            }
            let expected = Set(cells[3].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { "https://w3id.org/imaging-catalogue/vocab/\(folder)/\($0)" })
            return Row(line: index + 1, field: field, value: cells[1], context: cells[2], expected: expected)
        }
    }

    static func predict(_ row: Row, _ normaliser: Normaliser) -> Set<String> {
        var raw = RawDataset(identifier: "row-\(row.line)")
        switch row.field {
        case .cancerType: raw.conditions = [.literal(row.value)]
        case .modality: raw.modalities = [.literal(row.value)]
        default: raw.bodyParts = [.literal(row.value)]
        }
        if !row.context.isEmpty { raw.titles = [LangString(row.context, language: "en")] }
        return Set(normaliser.normalise(raw, node: "eval").concepts(row.field))
    }

    @Test func precisionAndRecallOnRealCatalogueValues() throws {
        let rows = try Self.rows()
        try #require(rows.count >= 200, "the labelled set has \(rows.count) rows")
        let normaliser = Normaliser(vocabulary: Shipped.vocabulary)
        var truePositives = 0, predicted = 0, expected = 0, exact = 0
        var misses: [String] = []
        for row in rows {
            let found = Self.predict(row, normaliser)
            truePositives += found.intersection(row.expected).count
            predicted += found.count
            expected += row.expected.count
            if found == row.expected { exact += 1 } else {
                misses.append("line \(row.line) \(row.field) \"\(row.value)\": expected \(row.expected.sorted()), got \(found.sorted())")
            }
        }
        let precision = Double(truePositives) / Double(max(predicted, 1))
        let recall = Double(truePositives) / Double(max(expected, 1))
        let accuracy = Double(exact) / Double(rows.count)
        print("labelled set: \(rows.count) values, precision \(precision), recall \(recall), exactly right \(exact) (\(accuracy))")
        for miss in misses { print("  miss: \(miss)") }
        #expect(accuracy >= 0.98, "exactly right: \(exact) of \(rows.count)")
        #expect(precision >= 0.98 && recall >= 0.98)
    }
}
