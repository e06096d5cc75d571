import CatalogueModel

/// Why a curator edit was refused. Every message names the concept and says what to do instead.
public enum VocabularyEditError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownConcept(String)
    case conceptExists(String)
    case invalidIdentifier(String)
    case emptyLabel
    case labelExists(concept: String, label: LangString)
    case labelNotFound(concept: String, label: LangString)
    case cannotRemovePrefLabel(concept: String, label: LangString)
    case invalidCode(system: CodeSystem, code: String)
    case codeExists(concept: String, system: CodeSystem, code: String)
    case codeNotFound(concept: String, system: CodeSystem, code: String)
    case unknownCodeSystem(String)
    case selfReference(String)
    case broaderInOtherScheme(concept: String, broader: String)
    case alreadyDeprecated(String)
    case replacementDeprecated(String)
    /// The edit would leave the vocabulary unsound: the loader's own error (cycle, dangling link).
    case breaksVocabulary(String)
    /// The edit would introduce quality-check errors; each finding's message.
    case failsChecks([String])
    case nothingToUndo
    case unknownChange(Int)
    case changeAlreadyUndone(Int)
    case laterChangesDependOn(change: Int, later: [Int])

    public var description: String {
        switch self {
        case .unknownConcept(let iri): "no concept \(iri) (see `catalogue vocab list`)"
        case .conceptExists(let iri): "concept \(iri) already exists"
        case .invalidIdentifier(let id): "'\(id)' is not a concept id: use lower-case letters, digits and '-', starting with a letter"
        case .emptyLabel: "a label must not be empty"
        case .labelExists(let concept, let label): "\(concept) already has the label \(label)"
        case .labelNotFound(let concept, let label): "\(concept) has no alt or hidden label \(label)"
        case .cannotRemovePrefLabel(let concept, let label):
            "\(label) is the prefLabel of \(concept): add another prefLabel in that language first (the old one becomes an altLabel)"
        case .invalidCode(let system, let code): "'\(code)' is not a \(system) code"
        case .codeExists(let concept, let system, let code): "\(concept) already carries \(system):\(code)"
        case .codeNotFound(let concept, let system, let code): "\(concept) does not carry \(system):\(code)"
        case .unknownCodeSystem(let system): "unknown code system '\(system)'"
        case .selfReference(let iri): "\(iri) cannot refer to itself"
        case .broaderInOtherScheme(let concept, let broader): "\(broader) is not in the same scheme as \(concept)"
        case .alreadyDeprecated(let iri): "\(iri) is deprecated"
        case .replacementDeprecated(let iri): "\(iri) is deprecated and cannot replace another concept"
        case .breaksVocabulary(let reason): "refused: \(reason)"
        case .failsChecks(let findings): "refused, the edit would break the vocabulary:\n" + findings.map { "  - " + $0 }.joined(separator: "\n")
        case .nothingToUndo: "there is no change left to undo"
        case .unknownChange(let id): "there is no change #\(id) (see `catalogue vocab history`)"
        case .changeAlreadyUndone(let id): "change #\(id) is already undone"
        case .laterChangesDependOn(let change, let later):
            "change #\(change) cannot be undone alone: later changes \(later.map { "#\($0)" }.joined(separator: ", ")) touch the same concepts; undo those first"
        }
    }
}
