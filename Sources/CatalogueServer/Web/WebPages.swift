import Foundation
import Hummingbird
import HTTPTypes
import Logging
import Mustache
import NIOCore

/// The researchers' web pages: Mustache templates, the message catalogue and the static assets,
/// all shipped as the target's resources (so a hub embedding the server gets them too), loaded
/// once when the application is built.
struct WebPages: Sendable {
    let library: MustacheLibrary
    let messages: WebMessages
    let assets: StaticAssets

    /// The page's own words are English for now; concept labels come from the vocabularies.
    static let language = "en"

    static func load() async throws -> WebPages {
        guard let root = Bundle.module.url(forResource: "Web", withExtension: nil) else {
            throw WebPagesError.missingResources("the Web folder")
        }
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        } catch {
            throw WebPagesError.badTemplate("\(error)")
        }
        let messagesFile = root.appendingPathComponent("messages/\(language).json")
        let messages = try WebMessages(json: Data(contentsOf: messagesFile), file: "messages/\(language).json")
        let assets = try StaticAssets(directory: root.appendingPathComponent("static"))
        return WebPages(library: library, messages: messages, assets: assets)
    }

    /// Renders `template` with `context` plus what every page has (messages, language, asset version).
    func page(_ template: String, title: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        var context = context
        context["m"] = messages.tree
        context["lang"] = Self.language
        context["title"] = title
        context["assetVersion"] = assets.version
        context["hasLanguages"] = context["languages"] != nil
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// The error page: the status and sentence the API would answer; faults of the server logged.
    /// A 401 offers the sign-in, coming back to `next`.
    func errorPage(for error: any Error, logger: Logger, next: String = "/") -> Response {
        let problem = Problem(error)
        if problem.status.code >= 500 {
            logger.error("page failed", metadata: ["status": .stringConvertible(problem.status.code), "error": .string(problem.detail)])
        }
        var context: [String: Any] = ["detail": problem.detail]
        if problem.status == .unauthorized { context["signInURL"] = "/signin?next=" + SearchState.encode(next) }
        return page("error", title: messages.text("error.title"), context, status: problem.status)
    }

    /// The page `body` builds, or the error page for what it threw.
    func rendering(_ logger: Logger, next: String = "/", _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return errorPage(for: error, logger: logger, next: next)
        }
    }

    /// Scripts, styles, images and form targets from the catalogue itself only; no inline script.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}
