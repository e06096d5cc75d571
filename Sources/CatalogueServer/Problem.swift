import CatalogueEngine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem document (`application/problem+json`): every error the API answers.
///
/// `detail` is the sentence the CLI prints for the same mistake (``ErrorSentence``); `parameter`
/// names the query parameter or path segment at fault when there is one.
struct Problem: Error, HTTPResponseError, Encodable {
    var type: String
    var title: String
    var status: HTTPResponse.Status
    var detail: String
    var parameter: String?
    /// Seconds a client should wait before retrying (429 and 503).
    var retryAfter: Int?
    /// The `WWW-Authenticate` challenge of a 401.
    var authenticate: String?
    /// The methods a 405's resource takes (`Allow`).
    var allow: String?

    init(
        _ status: HTTPResponse.Status, type: String, detail: String, parameter: String? = nil, retryAfter: Int? = nil,
        authenticate: String? = nil
    ) {
        self.type = type
        self.title = status.reasonPhrase
        self.status = status
        self.detail = detail
        self.parameter = parameter
        self.retryAfter = retryAfter
        self.authenticate = authenticate
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail, parameter }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status.code, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(parameter, forKey: .parameter)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let authenticate { headers[.wwwAuthenticate] = authenticate }
        if let allow { headers[.allow] = allow }
        let body = try CatalogueJSON.encode(self)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Problem types are relative references into the API document's description of errors.
    static func typeURI(_ name: String) -> String { "/openapi.json#problem-\(name)" }
}
