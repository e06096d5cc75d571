import CatalogueModel
import Foundation
import RDF

/// Reads SKOS concept schemes from Turtle files into `Concept`s.
///
/// Every `*.ttl` of a folder is read (main files and the separate restricted-code files, in any
/// order) and merged by concept IRI. Codes come from typed `skos:notation` literals and from match
/// IRIs of known systems (NCIt, SNOMED CT, EUCAIM, UBERON).
enum SKOSLoader {
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let vocabularyBase = "https://w3id.org/imaging-catalogue/vocab/"
    static let schemes: [String: ConceptScheme] = [
        vocabularyBase + "cancer-type": .cancerType,
        vocabularyBase + "imaging-modality": .modality,
        vocabularyBase + "body-site": .bodySite,
    ]

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
        var graph = Graph()
        var declaredIn: [String: String] = [:]
        for file in files {
            let fileGraph: Graph
            do {
                fileGraph = try RDFParser().parse(fileAt: file, format: .turtle)
            } catch let error as RDFError {
                throw VocabularyError.malformedFile(error.description)
            }
            for subject in fileGraph.subjects(ofType: skos + "Concept") {
                if let iri = subject.iriValue, declaredIn[iri] == nil { declaredIn[iri] = file.lastPathComponent }
            }
            for triple in fileGraph.triples { graph.insert(triple) }
        }
        let concepts = try graph.subjects(ofType: skos + "Concept").compactMap { subject -> Concept? in
            guard let iri = subject.iriValue else { return nil }
            return try concept(iri, in: graph, file: declaredIn[iri] ?? "?")
        }
        return Loaded(concepts: concepts, files: declaredIn)
    }

    private static func concept(_ iri: String, in graph: Graph, file: String) throws -> Concept {
        let subject = Term.iri(iri)
        guard let scheme = graph.objects(subject, skos + "inScheme").compactMap({ $0.iriValue.flatMap { schemes[$0] } }).first else {
            throw VocabularyError.conceptWithoutScheme(concept: iri)
        }
        var prefLabels: [String: String] = [:]
        for case .literal(let value, let language, _) in graph.objects(subject, skos + "prefLabel") {
            prefLabels[language ?? "en"] = prefLabels[language ?? "en"] ?? value
        }
        guard !prefLabels.isEmpty else { throw VocabularyError.conceptWithoutPrefLabel(concept: iri, file: file) }
        var codes: [CodeSystem: [String]] = [:]
        for case .literal(let value, _, let datatype?) in graph.objects(subject, skos + "notation") {
            if let system = CodeSystems.system(forNotationType: datatype) { codes[system, default: []].append(value) }
        }
        let matches = (graph.objects(subject, skos + "exactMatch") + graph.objects(subject, skos + "closeMatch")).compactMap(\.iriValue)
        for match in matches {
            if let (system, code) = CodeSystems.code(fromIRI: match) { codes[system, default: []].append(code) }
        }
        return Concept(
            iri: iri, scheme: scheme, prefLabels: prefLabels,
            altLabels: langStrings(graph.objects(subject, skos + "altLabel")),
            hiddenLabels: langStrings(graph.objects(subject, skos + "hiddenLabel")),
            broader: graph.objects(subject, skos + "broader").compactMap(\.iriValue),
            related: graph.objects(subject, skos + "related").compactMap(\.iriValue),
            codes: codes.mapValues(unique), matches: unique(matches))
    }

    private static func langStrings(_ terms: [Term]) -> [LangString] {
        terms.compactMap { term in
            if case .literal(let value, let language, _) = term { return LangString(value, language: language) }
            return nil
        }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
