import Foundation
import HTTPTypes
import Hummingbird

/// A page form's body (`application/x-www-form-urlencoded`), read strictly like the API's JSON
/// bodies: at most `maxBytes`, only the fields the form has, each at most once.
struct FormBody: Sendable {
    private var fields: [String: String] = [:]

    init(_ request: Request, maxBytes: Int, allowed: Set<String>) async throws {
        var request = request
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw Problem(.unsupportedMediaType, type: Problem.typeURI("invalid-body"),
                          detail: "the form must be sent as application/x-www-form-urlencoded")
        }
        let buffer = try await request.collectBody(upTo: maxBytes)
        var components = URLComponents()
        components.percentEncodedQuery = String(buffer: buffer).replacingOccurrences(of: "+", with: "%20")
        for item in components.queryItems ?? [] {
            guard allowed.contains(item.name) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"),
                              detail: "unknown form field '\(QueryParameters.shown(item.name))': the form has \(allowed.sorted().joined(separator: ", "))")
            }
            guard fields[item.name] == nil else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-body"), detail: "form field '\(item.name)' is given twice")
            }
            fields[item.name] = item.value ?? ""
        }
    }

    subscript(name: String) -> String? { fields[name] }
}

/// Refuses a form posted from another site: a sign-in or sign-out must come from the
/// catalogue's own page. Browsers say where a request comes from in `Sec-Fetch-Site`; those that
/// do not, in `Origin` (which is "null" under our no-referrer policy, so it is read only when set
/// to an origin). A client that sends neither is not a browser on another site.
func checkSameOrigin(_ request: Request) throws {
    let refused = Problem(.forbidden, type: Problem.typeURI("forbidden"), detail: "this form can only be sent from the catalogue's own pages")
    if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
        guard site == "same-origin" || site == "none" else { throw refused }
        return
    }
    guard let origin = request.headers[.origin], origin != "null" else { return }
    let host = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
    guard let host, let authority = request.head.authority, host == authority else { throw refused }
}
