import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A researcher or curator signed in to the web pages: their API token (or OIDC token) in an
/// HttpOnly, SameSite=Strict cookie, honoured on GET requests for the pages themselves and on the
/// curators' and admins' page forms (`POST /curate/…`, `POST /admin/…`), which must also carry the session's CSRF token and
/// come from this site (``SessionForm``). No API call is ever authorised by the cookie: the API
/// keeps requiring the Authorization header, so a third-party page cannot spend anyone's rights.
enum WebSession {
    static let cookieName = "catalogue_session"
    /// Twelve hours: a working day, after which the researcher signs in again.
    static let lifetimeSeconds = 12 * 3600

    /// The signed-in secret of a page request; nil for any other request.
    static func secret(in request: Request) -> String? {
        let path = request.uri.path
        guard (request.method == .get && isPage(path)) || (request.method == .post && (path.hasPrefix("/curate/") || path.hasPrefix("/admin/"))) else { return nil }
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == cookieName, isCookieSafe(String(parts[1])) { return String(parts[1]) }
            }
        }
        return nil
    }

    /// The pages a sign-in applies to.
    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "/counts" || path.hasPrefix("/datasets/") || path == "/curate" || path.hasPrefix("/curate/")
            || path == "/admin" || path.hasPrefix("/admin/")
    }

    /// A secret that can be a cookie value as it is: visible ASCII without `;` `,` `"` `\`.
    static func isCookieSafe(_ secret: String) -> Bool {
        (1...8192).contains(secret.utf8.count)
            && secret.utf8.allSatisfy { (0x21...0x7E).contains($0) && ![0x22, 0x2C, 0x3B, 0x5C].contains($0) }
    }

    static func setCookie(_ secret: String, secure: Bool) -> String {
        "\(cookieName)=\(secret); Path=/; Max-Age=\(lifetimeSeconds); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The token a curator's forms carry: derived from the session's secret, which a page of
    /// another site can neither read (HttpOnly) nor guess, so it cannot forge the form.
    static func csrfToken(for secret: String) -> String {
        SHA256.hash(data: Data("imaging-catalogue csrf\u{0}\(secret)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static let clearCookie = "\(cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"

    /// Where to go after signing in: a path of this site only (never `//host` or a full URL).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return "/" }
        return next
    }
}
