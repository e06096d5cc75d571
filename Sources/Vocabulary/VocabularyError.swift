import CatalogueModel

/// Why the vocabularies could not be loaded, or why a code or IRI names no concept.
public enum VocabularyError: Error, Equatable, Sendable, CustomStringConvertible {
    case folderMissing(String)
    case noFiles(String)
    /// A file could not be parsed; the message names the file and line.
    case malformedFile(String)
    case conceptWithoutPrefLabel(concept: String, file: String)
    case conceptWithoutScheme(concept: String)
    case twoPrefLabels(concept: String, language: String, file: String)
    case danglingBroader(concept: String, broader: String)
    case broaderCycle([String])
    case danglingReplacement(concept: String, replacement: String)
    case unknownCodeSystem(String)
    case unknownCode(system: String, code: String, scheme: String)
    case unknownIRI(iri: String, scheme: String)
    case notAConceptReference(String)

    public var description: String {
        switch self {
        case .folderMissing(let path): "vocabulary folder \(path) does not exist"
        case .noFiles(let path): "vocabulary folder \(path) holds no .ttl files"
        case .malformedFile(let reason): reason
        case .conceptWithoutPrefLabel(let concept, let file): "\(file): concept \(concept) has no skos:prefLabel"
        case .conceptWithoutScheme(let concept): "concept \(concept) is in none of the known schemes (skos:inScheme)"
        case .twoPrefLabels(let concept, let language, let file): "\(file): concept \(concept) has two skos:prefLabel in language '\(language)'"
        case .danglingBroader(let concept, let broader): "concept \(concept) has skos:broader \(broader), which is not a concept of its scheme"
        case .danglingReplacement(let concept, let replacement): "concept \(concept) is replaced by \(replacement), which is not a concept of its scheme"
        case .broaderCycle(let path): "skos:broader cycle: \(path.joined(separator: " → "))"
        case .unknownCodeSystem(let system):
            "unknown code system '\(system)': use one of \(CodeSystems.known.map(\.rawValue).joined(separator: ", "))"
        case .unknownCode(let system, let code, let scheme): "no \(scheme) concept carries \(system):\(code)"
        case .unknownIRI(let iri, let scheme): "no \(scheme) concept has or matches the IRI \(iri)"
        case .notAConceptReference(let value): "'\(value)' is neither a concept IRI nor a code written SYSTEM:CODE"
        }
    }
}
