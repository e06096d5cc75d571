import CatalogueStore
import Foundation
import SearchIndex

/// What went wrong in a catalogue operation, written for the person who asked.
///
/// Lower stages' errors (RDF, vocabulary, store, index) are wrapped with what was being done, so
/// the CLI and the server render every failure in one place.
public enum CatalogueEngineError: Error, Equatable, Sendable, CustomStringConvertible {
    case vocabulariesNotFound(searched: String)
    case vocabularyUnusable(String)
    case contextsUnusable(String)
    case federationNotFound(searched: String)
    case federationUnusable(String)
    case fileNotFound(String)
    case malformedFile(String)
    case noDatasetsFound(files: [String])
    case malformedFilter(String)
    case unknownFilterField(String)
    case unknownFilterValue(field: String, value: String, reason: String)
    /// Search text or paging outside the documented grammar and limits (`parameter`: text, page, perPage).
    case invalidSearch(parameter: String, reason: String)
    /// The SQLite catalogue failed; the store's own error says where and how.
    case store(CatalogueStoreError)
    /// The Xapian index failed; the index's own error carries Xapian's class and message.
    case index(SearchIndexError)
    /// A file or folder of the catalogue home (lock, index link, exported vocabulary) could not be used.
    case fileSystem(path: String, reason: String)
    /// A lower stage failed with an error this layer does not know; a programming gap, shown as is.
    case unexpected(stage: String, message: String)
    /// The catalogue was updated but the search index could not be: searches are stale until reindexed.
    case indexStale(String)
    /// A vocabulary edit, undo or import was refused; nothing was changed.
    case vocabularyEditRefused(String)
    /// A concept reference ("ct:nsclc", "cancerType:nsclc", an IRI) names no concept.
    case unknownConcept(String)
    /// Another writer held the catalogue longer than this one would wait; nothing was changed.
    case catalogueBusy(holder: String, waitedSeconds: Double)
    /// A command that only reads was pointed at a folder that holds no catalogue.
    case catalogueNotFound(home: String)
    /// `--accept-withdrawals RUN` names no held run of the node, or the node now lists other
    /// datasets than that run did.
    case withdrawalsNotAccepted(String)
    /// A token operation was given something invalid (a name, a role, an unknown token to revoke).
    case invalidToken(String)
    /// A bearer token is malformed, unknown, revoked or expired: the request is not served.
    case tokenRefused(String)
    /// A live token already has this name.
    case tokenNameTaken(String)
    /// No live token has this name (to revoke).
    case unknownToken(String)
    /// A count was asked of a catalogue that holds no subjects (node mode not set up).
    case noSubjects

    public var description: String {
        switch self {
        case .vocabulariesNotFound(let searched):
            "cannot find the '\(searched)' folder of vocabularies; give it with --vocabularies or CATALOGUE_VOCABULARIES"
        case .vocabularyUnusable(let reason):
            "the vocabularies cannot be loaded: \(reason)"
        case .contextsUnusable(let reason):
            "the offline JSON-LD contexts cannot be loaded: \(reason)"
        case .federationNotFound(let searched):
            "cannot find '\(searched)'; give the federation file with --nodes or CATALOGUE_NODES"
        case .federationUnusable(let reason):
            "the federation configuration is not valid: \(reason)"
        case .fileNotFound(let path):
            "\(path): no such file"
        case .malformedFile(let reason):
            "\(reason) (nothing was imported)"
        case .noDatasetsFound(let files):
            "no dcat:Dataset found in \(files.joined(separator: ", ")) (nothing was imported)"
        case .malformedFilter(let filter):
            "filter '\(filter)' is not FIELD=VALUE (fields: \(Self.fieldList))"
        case .unknownFilterField(let field):
            "unknown filter field '\(field)': use one of \(Self.fieldList)"
        case .unknownFilterValue(let field, let value, let reason):
            "filter \(field)=\(value): \(reason)"
        case .invalidSearch(let parameter, let reason):
            "search \(parameter) refused: \(reason)"
        case .store(let error):
            "the catalogue could not be read or written: \(error)"
        case .index(let error):
            "the search index failed: \(error)"
        case .fileSystem(let path, let reason):
            "\(path): \(reason)"
        case .unexpected(let stage, let message):
            "the \(stage) failed: \(message)"
        case .indexStale(let reason):
            "the catalogue was updated but the search index was not (\(reason)); run 'catalogue reindex'"
        case .vocabularyEditRefused(let reason):
            "\(reason) (nothing was changed)"
        case .catalogueBusy(let holder, let waited):
            "the catalogue is busy: \(holder) is writing to it and did not finish within \(Self.seconds(waited)); "
                + "nothing was changed — try again later, or wait longer with --lock-timeout"
        case .catalogueNotFound(let home):
            "no catalogue at \(home): check --home or CATALOGUE_HOME (a harvest or an import creates one)"
        case .withdrawalsNotAccepted(let reason):
            "\(reason) (nothing was changed)"
        case .invalidToken(let reason):
            reason
        case .tokenRefused(let reason):
            reason
        case .unknownToken(let name):
            "no live token is named '\(name)'; see `catalogue token list`"
        case .tokenNameTaken(let name):
            "a live token is already named '\(name)': revoke it first (catalogue token revoke) or choose another name (nothing was changed)"
        case .noSubjects:
            "this catalogue holds no subjects to count: load a dataset's subjects with `catalogue subjects import` (docs/counts.md)"
        case .unknownConcept(let reference):
            "no concept '\(reference)': write it as an IRI, SCHEME:ID (cancerType:nsclc) or PREFIX:ID (ct:nsclc); see `catalogue vocab list`"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    static let fieldList = "cancerType, modality, bodySite, node, accessRights"

    /// Keeps a lower stage's error typed: engine errors pass unchanged, store and index errors are
    /// nested, anything else is `unexpected` in `stage`.
    static func wrapping(_ error: any Error, stage: String) -> CatalogueEngineError {
        switch error {
        case let error as CatalogueEngineError: error
        case let error as CatalogueStoreError: .store(error)
        case let error as SearchIndexError: .index(error)
        default: .unexpected(stage: stage, message: String(describing: error))
        }
    }
}
