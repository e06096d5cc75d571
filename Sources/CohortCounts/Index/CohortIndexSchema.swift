import CatalogueModel
import Crypto
import Foundation
import SearchIndex

/// The cohort index's terms, declared once: a document per subject of a dataset, with a boolean
/// term for every concept it carries *and each of the concept's ancestors* (so a filter on a
/// broad concept counts subjects of its descendants), its sex, its age band and its dataset; the
/// dataset's store row is the document's group and the subject's cell-key share its key.
public enum CohortIndexSchema {
    static let uniquePrefix = "Q"
    static let datasetPrefix = "XD"
    static let prefixes: [CohortQuery.Dimension: String] = [
        .cancerType: "XC", .modality: "XM", .bodySite: "XB", .sex: "XS", .age: "XA", .dataset: "XD", .node: "XN",
    ]
    /// Xapian refuses terms over 245 bytes; longer values are replaced by their SHA-256.
    static let maximumTermBytes = 240

    static func term(_ dimension: CohortQuery.Dimension, _ value: String) -> String {
        let term = prefixes[dimension]! + value
        guard term.utf8.count > maximumTermBytes else { return term }
        return prefixes[dimension]! + "#" + SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func uniqueTerm(datasetRow: Int64, pseudonym: String) -> String { "\(uniquePrefix)\(datasetRow):\(pseudonym)" }

    static func datasetTerm(row: Int64) -> String { "\(datasetPrefix)\(row)" }

    /// The index document of one subject of the dataset stored at `datasetRow` of `node`.
    static func document(
        _ subject: StoredSubject, datasetRow: Int64, node: String, key: UInt64, ancestors: (String) -> [String]
    ) -> GroupCountingIndex.Document {
        let normalised = subject.normalised
        var terms: Set<String> = [datasetTerm(row: datasetRow), term(.node, node)]
        for (dimension, concepts) in [(CohortQuery.Dimension.cancerType, normalised.cancerTypes),
                                      (.modality, normalised.modalities), (.bodySite, normalised.bodySites)] {
            for concept in concepts {
                terms.insert(term(dimension, concept))
                for ancestor in ancestors(concept) { terms.insert(term(dimension, ancestor)) }
            }
        }
        if let sex = normalised.sex { terms.insert(term(.sex, sex)) }
        if let band = normalised.ageBand { terms.insert(term(.age, CohortQuery.bandText(band))) }
        return GroupCountingIndex.Document(
            uniqueTerm: uniqueTerm(datasetRow: datasetRow, pseudonym: subject.raw.pseudonym), terms: terms.sorted(),
            group: String(datasetRow), key: key)
    }

    /// The filter groups of a canonical query: one group per dimension, its values ORed.
    static func filters(_ query: CohortQuery, datasetRows: [DatasetKey: Int64]) -> [[String]] {
        query.filters.keys.sorted().map { dimension in
            query.filters[dimension]!.map { value in
                if dimension == .dataset, let key = DatasetKey(joined: value), let row = datasetRows[key] { return datasetTerm(row: row) }
                return term(dimension, value)
            }
        }
    }
}
