import CatalogueEngine
import HTTPTypes
import Hummingbird
import NIOCore

/// A 200 (or other) answer with a value of the JSON contract, in the CLI's encoding.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok
    var contentType = "application/json"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try CatalogueJSON.encode(value)
        return Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
