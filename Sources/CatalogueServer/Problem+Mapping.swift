import CatalogueEngine
import CohortCounts
import HTTPTypes
import Hummingbird
import NIOCore

/// The one mapping from what went wrong to an HTTP status: a caller's mistake is 4xx with the
/// CLI's sentence, a catalogue that cannot answer now is 503 with Retry-After, and only a fault
/// of the catalogue itself is 500 (logged by the middleware).
extension Problem {
    init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as CatalogueEngineError:
            self.init(engine: error)
        case let error as CatalogueExportError:
            switch error {
            case .invalidPage: self.init(.badRequest, type: Self.typeURI("invalid-parameter"), detail: error.description, parameter: "page")
            case .invalidPageSize: self.init(.badRequest, type: Self.typeURI("invalid-parameter"), detail: error.description, parameter: "pageSize")
            case .invalidBaseURL, .serialization: self.init(.internalServerError, type: Self.typeURI("internal"), detail: error.description)
            }
        case let error as CohortQueryError:
            self.init(.badRequest, type: Self.typeURI("invalid-count-query"), detail: error.description, parameter: error.field.map { $0.hasPrefix("query.") || $0.hasPrefix("filters[") ? $0 : "filters.\($0)" })
        case let error as SharedCatalogueError:
            let name = switch error {
            case .overloaded: "overloaded"
            case .timedOut: "timed-out"
            }
            self.init(.serviceUnavailable, type: Self.typeURI(name), detail: error.description, retryAfter: 1)
        case is NIOTooManyBytesError:
            self.init(.contentTooLarge, type: Self.typeURI("too-large"), detail: "the request body is larger than the server accepts")
        case let error as HTTPError:
            self.init(error.status, type: Self.typeURI(error.status == .notFound ? "not-found" : "http"),
                      detail: error.body ?? Self.defaultDetail(error.status))
        default:
            self.init(.internalServerError, type: Self.typeURI("internal"), detail: ErrorSentence.message(for: error))
        }
    }

    private init(engine error: CatalogueEngineError) {
        let detail = ErrorSentence.message(for: error)
        switch error {
        case .invalidSearch(let parameter, _):
            self.init(.badRequest, type: Self.typeURI("invalid-search"), detail: detail, parameter: Self.apiName(parameter))
        case .malformedFilter, .unknownFilterField:
            self.init(.badRequest, type: Self.typeURI("invalid-filter"), detail: detail)
        case .unknownFilterValue(let field, _, _):
            self.init(.badRequest, type: Self.typeURI("invalid-filter"), detail: detail, parameter: field)
        case .unknownConcept:
            self.init(.notFound, type: Self.typeURI("not-found"), detail: detail)
        case .invalidToken:
            self.init(.badRequest, type: Self.typeURI("invalid-token"), detail: detail)
        case .tokenRefused:
            self.init(.unauthorized, type: Self.typeURI("unauthorized"), detail: detail, authenticate: "Bearer error=\"invalid_token\"")
        case .unknownToken:
            self.init(.notFound, type: Self.typeURI("not-found"), detail: detail, parameter: "name")
        case .tokenNameTaken:
            self.init(.conflict, type: Self.typeURI("refused"), detail: detail, parameter: "name")
        case .vocabularyEditRefused, .withdrawalsNotAccepted:
            self.init(.conflict, type: Self.typeURI("refused"), detail: detail)
        case .catalogueBusy:
            self.init(.serviceUnavailable, type: Self.typeURI("busy"), detail: detail, retryAfter: 5)
        case .noSubjects:
            self.init(.notFound, type: Self.typeURI("no-subjects"), detail: detail)
        case .indexStale, .catalogueNotFound:
            self.init(.serviceUnavailable, type: Self.typeURI("not-ready"), detail: detail, retryAfter: 5)
        case .vocabulariesNotFound, .vocabularyUnusable, .contextsUnusable, .federationNotFound, .federationUnusable,
             .fileNotFound, .malformedFile, .noDatasetsFound, .store, .index, .fileSystem, .unexpected:
            self.init(.internalServerError, type: Self.typeURI("internal"), detail: detail)
        }
    }

    /// The engine names search parameters as the CLI does; the API spells them its own way.
    private static func apiName(_ parameter: String) -> String {
        parameter == "text" ? "q" : parameter
    }

    private static func defaultDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such resource; see /openapi.json for the routes"
        case .methodNotAllowed: "this method is not allowed on this resource; see /openapi.json"
        case .contentTooLarge: "the request body is larger than the server accepts"
        default: status.reasonPhrase
        }
    }
}
