import CatalogueModel
import Foundation
import Vocabulary

extension CatalogueService {
    /// What importing `files` would change; with `apply`, the change is then checked and committed
    /// like any edit (one change set of kind `import`). Concepts already in the catalogue are
    /// replaced by the file's version; concepts the file does not mention stay as they are.
    public func importVocabulary(
        _ files: [URL], scheme: ConceptScheme?, apply: Bool, by author: ChangeAuthor
    ) throws -> (diff: VocabularyDiff, report: VocabularyEditReport?) {
        guard apply else { return try importVocabularyLocked(files, scheme: scheme, apply: false, by: author) }
        return try writing("vocabulary import") { try importVocabularyLocked(files, scheme: scheme, apply: true, by: author) }
    }

    private func importVocabularyLocked(
        _ files: [URL], scheme: ConceptScheme?, apply: Bool, by author: ChangeAuthor
    ) throws -> (diff: VocabularyDiff, report: VocabularyEditReport?) {
        for file in files where !FileManager.default.fileExists(atPath: file.path) {
            throw CatalogueEngineError.fileNotFound(file.path)
        }
        let started = ContinuousClock.now
        let imported: [Concept]
        do {
            imported = try Vocabulary.concepts(fromFiles: files, scheme: scheme)
        } catch {
            throw CatalogueEngineError.vocabularyEditRefused("\(files.map(\.lastPathComponent).joined(separator: ", ")): \(error)")
        }
        var merged = vocabulary.allConcepts
        var added: [VocabularyDiff.ConceptChange] = [], changed: [VocabularyDiff.ConceptChange] = []
        var unchanged = 0
        for concept in imported {
            if let position = merged.firstIndex(where: { $0.iri == concept.iri }) {
                // Statement order is not a difference (files list notations in any order).
                let lines = ConceptDiff.lines(from: merged[position], to: concept)
                if lines.isEmpty { unchanged += 1; continue }
                changed.append(.init(concept: concept.iri, label: concept.label, lines: lines))
                merged[position] = concept
            } else {
                added.append(.init(concept: concept.iri, label: concept.label, lines: ConceptDiff.lines(from: nil, to: concept)))
                merged.append(concept)
            }
        }
        let diff = VocabularyDiff(added: added, changed: changed, unchanged: unchanged)
        guard apply, !diff.isEmpty else { return (diff, nil) }
        try Self.validate(author)
        let change = try refusing { try vocabulary.replacing(with: merged) }
        let summary = "import \(files.map(\.lastPathComponent).joined(separator: ", ")): \(added.count) added, \(changed.count) changed"
        return (diff, try commit(change, kind: "import", summary: summary, edit: nil, reverts: nil, by: author, started: started))
    }
}
