import CatalogueModel
import CatalogueStore
import CohortCounts
import Foundation
import RDF
import SearchIndex
import Vocabulary

/// One catalogue, opened: the stages of DESIGN.md's data flow composed for the CLI and the server.
///
/// The SQLite catalogue is the source of truth; the Xapian index is derived from it, kept in line
/// through the store's index outbox, and rebuilt by `reindex()`. Every write takes the catalogue's
/// writer lock first (one writer per home, across processes). Xapian handles are opened per
/// operation on the calling thread and never kept across threads, so this type is not `Sendable`.
public final class CatalogueService {
    public let configuration: CatalogueConfiguration
    let store: CatalogueStore
    /// The vocabularies as the catalogue holds them; replaced by every committed edit.
    var vocabulary: Vocabulary {
        didSet {
            normaliser = Normaliser(vocabulary: vocabulary)
            spelling = SpellingSuggester(vocabulary: vocabulary)
        }
    }
    private(set) var normaliser: Normaliser
    /// Built once per vocabulary state, not per search.
    private(set) var spelling: SpellingSuggester
    /// The RDF parser for harvests and imports, with the offline JSON-LD contexts.
    let rdfParser: RDFParser
    /// A search reader kept across searches, so the facet columns Xapian builds per index
    /// revision are reused; `reopen()` before each search picks up other writers' commits.
    var reader: SearchIndex?
    /// The cohort counter of this service's thread, opened at the first count.
    var cohortCounter: CohortCounter?
    /// The node secret, once a count needed it (it never changes while the service is open).
    var cachedNodeSecret: NodeSecret?
    /// The index generation (link target) `reader` was opened on.
    var readerGeneration: String?
    /// The one-writer lock of the home; held while `lockDepth > 0`.
    let writerLock: WriterLock
    var lockDepth = 0
    /// The vocabulary change set `vocabulary` reflects: a writer compares it with the store's
    /// under the lock, so an edit made by another process since opening is never overwritten.
    var vocabularyChangeID = 0
    /// What opening the catalogue repaired (an index rebuilt or caught up), for the caller to show.
    public private(set) var openingNotices: [String] = []

    init(configuration: CatalogueConfiguration, store: CatalogueStore, vocabulary: Vocabulary, rdfParser: RDFParser) {
        self.configuration = configuration
        self.store = store
        self.vocabulary = vocabulary
        self.normaliser = Normaliser(vocabulary: vocabulary)
        self.spelling = SpellingSuggester(vocabulary: vocabulary)
        self.rdfParser = rdfParser
        self.writerLock = WriterLock(home: configuration.home)
    }

    /// Opens the catalogue at `configuration.home` with its vocabularies: the ones stored in the
    /// catalogue, or — the first time — the Turtle files of `configuration.vocabularies`, which
    /// are then stored as the catalogue's first change set. A missing home is created only when
    /// `configuration.createIfMissing`; reading commands get ``CatalogueEngineError/catalogueNotFound(home:)``.
    ///
    /// Opening also brings the index in line with the store (see ``openingNotices``): it drains
    /// what an interrupted writer left in the outbox and rebuilds an index that is missing or
    /// unreadable.
    public static func open(_ configuration: CatalogueConfiguration) throws -> CatalogueService {
        let parser = RDFParser(jsonldContexts: try loadContexts(configuration.jsonldContexts))
        do {
            try prepareHome(configuration)
            let store = try CatalogueStore(path: configuration.storePath.path)
            if let vocabulary = try storedVocabulary(store) {
                let service = CatalogueService(configuration: configuration, store: store, vocabulary: vocabulary, rdfParser: parser)
                service.vocabularyChangeID = try store.latestVocabularyChangeID()
                service.openingNotices = try service.synchroniseIndexAtOpening()
                return service
            }
            let service = CatalogueService(
                configuration: configuration, store: store, vocabulary: try loadVocabulary(configuration.vocabularies), rdfParser: parser)
            try service.writing("first opening of the catalogue") {
                // Another process may have seeded it while this one waited for the lock.
                if try storedVocabulary(store) == nil {
                    try seedVocabulary(store, with: service.vocabulary, from: configuration.vocabularies)
                    service.vocabularyChangeID = try store.latestVocabularyChangeID()
                    // A catalogue from before the vocabularies were stored: its datasets were
                    // normalised without recording their lookups, and its index has the older
                    // layout (rebuilt as the index catches up).
                    if try store.datasetCount > 0 { try service.renormaliseAll() }
                }
            }
            service.openingNotices = try service.synchroniseIndexAtOpening()
            return service
        } catch {
            throw CatalogueEngineError.wrapping(error, stage: "catalogue store")
        }
    }

    /// A home without a catalogue gets one only for writing commands: a mistyped --home given to
    /// `search` is an error, not a new empty catalogue.
    private static func prepareHome(_ configuration: CatalogueConfiguration) throws {
        let fileManager = FileManager.default
        let home = configuration.home
        let hasStore = fileManager.fileExists(atPath: configuration.storePath.path)
        if hasStore { return }
        guard configuration.createIfMissing else { throw CatalogueEngineError.catalogueNotFound(home: home.path) }
        try fileManager.createDirectory(at: home, withIntermediateDirectories: true)
    }

    private static func storedVocabulary(_ store: CatalogueStore) throws -> Vocabulary? {
        guard let concepts = try store.vocabularyConcepts() else { return nil }
        do {
            return try Vocabulary(concepts: concepts)
        } catch {
            throw CatalogueEngineError.vocabularyUnusable("the catalogue's stored vocabularies: \(error)")
        }
    }

    private static func seedVocabulary(_ store: CatalogueStore, with vocabulary: Vocabulary, from folder: URL) throws {
        let change = VocabularyChangeRecord(
            id: 0, author: "catalogue", createdAt: Date(), reason: "first opening of the catalogue",
            kind: "load", summary: "loaded \(vocabulary.count) concepts from \(folder.lastPathComponent)/",
            edit: nil, before: [], after: [])
        try store.commitVocabularyChange(VocabularyCommit(change: change, concepts: vocabulary.allConcepts, renormalised: []))
    }

    static func loadVocabulary(_ folder: URL) throws -> Vocabulary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CatalogueEngineError.vocabulariesNotFound(searched: folder.path)
        }
        do {
            return try Vocabulary.load(from: folder)
        } catch {
            throw CatalogueEngineError.vocabularyUnusable(String(describing: error))
        }
    }

    static func loadContexts(_ folder: URL?) throws -> JSONLDContextLibrary {
        guard let folder = folder ?? ProjectFileLocator.find(JSONLDContextsLocator.relativePath, directory: true) else {
            return JSONLDContextLibrary()
        }
        do {
            return try JSONLDContextLibrary(folder: folder)
        } catch {
            throw CatalogueEngineError.contextsUnusable(String(describing: error))
        }
    }

    /// Every dataset in the catalogue, normalised, ordered by node then identifier.
    public func datasets() throws -> [DatasetView] {
        let builder = DatasetViewBuilder(vocabulary: vocabulary)
        return try storeCall { try store.allRecords() }.map { builder.view($0.normalised, source: $0.source) }
    }

    /// The concepts of a scheme as a tree (a concept with two parents appears under both);
    /// deprecated concepts are left out (they only resolve old references).
    public func conceptTree(_ scheme: ConceptScheme) -> [ConceptTreeRow] {
        var rows: [ConceptTreeRow] = []
        func visit(_ concept: Concept, depth: Int, path: Set<String>) {
            rows.append(ConceptTreeRow(scheme: scheme, depth: depth, concept: ConceptView(concept)))
            for child in vocabulary.children(of: concept.iri) where !path.contains(child.iri) && !child.deprecated {
                visit(child, depth: depth + 1, path: path.union([concept.iri]))
            }
        }
        for top in vocabulary.topConcepts(in: scheme) where !top.deprecated { visit(top, depth: 0, path: []) }
        return rows
    }

    func storeCall<T>(_ body: () throws -> T) throws -> T {
        try wrapping(body, stage: "catalogue store")
    }

    func indexCall<T>(_ body: () throws -> T) throws -> T {
        try wrapping(body, stage: "search index")
    }

    /// Runs a stage and keeps its error typed (see ``CatalogueEngineError/wrapping(_:stage:)``).
    private func wrapping<T>(_ body: () throws -> T, stage: String) throws -> T {
        do {
            return try body()
        } catch {
            throw CatalogueEngineError.wrapping(error, stage: stage)
        }
    }
}
