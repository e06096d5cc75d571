import CatalogueModel
import Foundation
import RDF

/// Reads SKOS concept schemes from Turtle (or any RDF syntax raptor reads) into `Concept`s.
///
/// Every `*.ttl` of a folder is read (main files and the separate restricted-code files, in any
/// order) and merged by concept IRI, in the order the files declare the concepts. `skos:narrower`
/// is read as the inverse of `skos:broader`.
enum SKOSLoader {
    typealias T = SKOSTerms

    struct Loaded {
        var concepts: [Concept]
        /// Concept IRI → the file that declared it, for messages.
        var files: [String: String]
    }

    static func load(folder: URL) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VocabularyError.folderMissing(folder.path)
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "ttl" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw VocabularyError.noFiles(folder.path) }
        return try load(files: files, format: .turtle, scheme: nil)
    }

    /// Reads `files` into one graph. A concept whose `skos:inScheme` names none of the catalogue's
    /// schemes is put in `scheme` when given (importing a foreign file), else refused.
    static func load(files: [URL], format: RDFFormat?, scheme: ConceptScheme?) throws -> Loaded {
        var graph = Graph()
        var declaredIn: [String: String] = [:]
        var order: [String] = []
        for file in files {
            let fileGraph: Graph
            do {
                fileGraph = try RDFParser().parse(fileAt: file, format: format)
            } catch let error as RDFError {
                throw VocabularyError.malformedFile(error.description)
            }
            for subject in fileGraph.subjects(ofType: T.concept) {
                if let iri = subject.iriValue, declaredIn[iri] == nil {
                    declaredIn[iri] = file.lastPathComponent
                    order.append(iri)
                }
            }
            for triple in fileGraph.triples { graph.insert(triple) }
        }
        let narrowerOf = inverseNarrower(graph)
        let concepts = try order.map { iri in
            try concept(iri, in: graph, file: declaredIn[iri] ?? "?", narrowerOf: narrowerOf, fallbackScheme: scheme)
        }
        return Loaded(concepts: concepts, files: declaredIn)
    }

    /// Child IRI → parents stated only as `parent skos:narrower child`.
    private static func inverseNarrower(_ graph: Graph) -> [String: [String]] {
        var parents: [String: [String]] = [:]
        for triple in graph.triples where triple.predicate == T.narrower {
            if let parent = triple.subject.iriValue, let child = triple.object.iriValue { parents[child, default: []].append(parent) }
        }
        return parents
    }

    private static func concept(
        _ iri: String, in graph: Graph, file: String, narrowerOf: [String: [String]], fallbackScheme: ConceptScheme?
    ) throws -> Concept {
        let subject = Term.iri(iri)
        let schemeIRIs = graph.objects(subject, T.inScheme).compactMap(\.iriValue)
        guard let scheme = schemeIRIs.compactMap(SchemeCatalog.scheme(iri:)).first ?? fallbackScheme else {
            throw VocabularyError.conceptWithoutScheme(concept: iri)
        }
        var prefLabels: [String: String] = [:]
        for case .literal(let value, let language, _) in graph.objects(subject, T.prefLabel) {
            let tag = language?.lowercased() ?? "en"
            if let existing = prefLabels[tag], existing != value {
                throw VocabularyError.twoPrefLabels(concept: iri, language: tag, file: file)
            }
            prefLabels[tag] = value
        }
        guard !prefLabels.isEmpty else { throw VocabularyError.conceptWithoutPrefLabel(concept: iri, file: file) }
        var notations: [Notation] = []
        for case .literal(let value, _, let datatype) in graph.objects(subject, T.notation) {
            notations.append(Notation(type: NotationType(rawValue: datatype ?? ""), code: value))
        }
        var links: [MatchLink] = []
        for relation in MatchLink.Relation.allCases {
            links += graph.objects(subject, T.skos + relation.rawValue).compactMap(\.iriValue).map { MatchLink(relation: relation, iri: $0) }
        }
        let broader = graph.objects(subject, T.broader).compactMap(\.iriValue) + (narrowerOf[iri] ?? [])
        let deprecated = graph.objects(subject, T.deprecated).contains { $0.literalValue == "true" || $0.literalValue == "1" }
        return Concept(
            iri: iri, scheme: scheme, prefLabels: prefLabels,
            altLabels: langStrings(graph.objects(subject, T.altLabel)),
            hiddenLabels: langStrings(graph.objects(subject, T.hiddenLabel)),
            broader: unique(broader), related: unique(graph.objects(subject, T.related).compactMap(\.iriValue)),
            scopeNotes: langStrings(graph.objects(subject, T.scopeNote)),
            editorialNotes: langStrings(graph.objects(subject, T.editorialNote)),
            notations: unique(notations), matchLinks: unique(links),
            topConcept: !graph.objects(subject, T.topConceptOf).isEmpty, deprecated: deprecated, replacedBy: graph.objects(subject, T.isReplacedBy).compactMap(\.iriValue).first)
    }

    private static func langStrings(_ terms: [Term]) -> [LangString] {
        unique(terms.compactMap { term in
            if case .literal(let value, let language, _) = term { return LangString(value, language: language ?? "en") }
            return nil
        })
    }

    private static func unique<Element: Hashable>(_ values: [Element]) -> [Element] {
        var seen = Set<Element>()
        return values.filter { seen.insert($0).inserted }
    }
}
