import CatalogueModel
import Foundation
import Vocabulary

extension CatalogueService {
    /// The IRI a curator's concept reference names: a full IRI, `PREFIX:ID` with the prefix the
    /// Turtle files use (`ct:nsclc`, `mod:mr`, `bs:lung`), or `SCHEME:ID` (`cancerType:nsclc`).
    public func resolveConcept(_ reference: String) throws -> String {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            guard vocabulary.concept(iri: text) != nil else { throw CatalogueEngineError.unknownConcept(text) }
            return text
        }
        guard let colon = text.firstIndex(of: ":") else { throw CatalogueEngineError.unknownConcept(text) }
        let prefix = String(text[..<colon]), id = String(text[text.index(after: colon)...])
        guard let scheme = Self.scheme(named: prefix) else { throw CatalogueEngineError.unknownConcept(text) }
        let iri = SchemeCatalog.conceptIRI(id, in: scheme)
        guard vocabulary.concept(iri: iri) != nil else { throw CatalogueEngineError.unknownConcept(text) }
        return iri
    }

    /// A scheme by its Turtle prefix, its name, or the name as people type it.
    public static func scheme(named name: String) -> ConceptScheme? {
        if let info = SchemeCatalog.all.first(where: { $0.prefix == name }) { return info.scheme }
        let folded = name.lowercased().filter { $0.isLetter }
        let aliases: [String: ConceptScheme] = [
            "cancertypes": .cancerType, "modalities": .modality, "imagingmodality": .modality, "imagingmodalities": .modality,
            "bodysites": .bodySite, "bodypart": .bodySite, "bodyparts": .bodySite, "tiers": .tier,
            "interoperabilitylevel": .tier, "datasettypes": .datasetType, "collectionmethods": .collectionMethod,
            "accessconditions": .accessCondition,
        ]
        return ConceptScheme.allCases.first { $0.rawValue.lowercased() == folded } ?? aliases[folded]
    }
}
