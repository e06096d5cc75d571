import CatalogueEngine
import CatalogueModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /catalog`: the catalogue's own DCAT-AP export (with HealthDCAT-AP and EUCAIM properties)
/// for HealthData@EU-style portals, content-negotiated (Turtle, RDF/XML, JSON-LD) and paged with
/// Hydra links when `page` is given. Anyone may harvest it: it holds what search shows.
struct ExportRoutes {
    let catalogue: SharedCatalogue
    /// The server's public URL (`https://catalogue.example.eu`); nil: taken from the Host header.
    let publicURL: String?

    func add(to router: Router<CatalogueRequestContext>) {
        router.get("/catalog") { request, _ in
            let parameters = try QueryParameters(request, allowed: ["page", "pageSize", "format"])
            let format = try Self.format(parameters.single("format"), accept: request.headers[.accept])
            let page: Int? = try parameters.single("page") == nil
                ? nil : try parameters.integer("page", in: 1...1_000_000, default: 1)
            let sizes = CatalogueService.exportPageSizes
            let pageSize = try parameters.integer("pageSize", in: sizes, default: 100)
            let base = (publicURL ?? "http://\(request.head.authority ?? "127.0.0.1")") + "/catalog"
            let export = try await catalogue.read { service in
                try service.exportCatalogue(format: format, page: page, pageSize: pageSize, baseURL: base)
            }
            return Self.response(export)
        }
        // One dataset at its minted IRI (BASE/dataset/NODE/ID), the record the dataset page offers.
        router.get("/catalog/dataset/:node/:id") { request, context in
            let parameters = try QueryParameters(request, allowed: ["format"])
            let format = try Self.format(parameters.single("format"), accept: request.headers[.accept])
            let key = DatasetKey(node: try context.parameters.require("node"), id: try context.parameters.require("id"))
            let base = (publicURL ?? "http://\(request.head.authority ?? "127.0.0.1")") + "/catalog"
            guard let export = try await catalogue.read({ try $0.exportDataset(key, format: format, baseURL: base) }) else {
                throw Problem(.notFound, type: Problem.typeURI("not-found"), detail: "no dataset '\(key.id)' from node '\(key.node)' in the catalogue")
            }
            return Self.response(export)
        }
    }

    private static func response(_ export: (data: Data, mediaType: String)) -> Response {
        var headers: HTTPFields = [.contentType: export.mediaType]
        headers[.vary] = "Accept"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: export.data)))
    }

    /// `format=` wins; else the first media type of `Accept` we serve; else Turtle. An `Accept`
    /// naming only types we do not serve is 406.
    static func format(_ parameter: String?, accept: String?) throws(Problem) -> ExportFormat {
        if let parameter {
            guard let format = ExportFormat(rawValue: parameter) else {
                throw Problem(.badRequest, type: Problem.typeURI("invalid-parameter"),
                              detail: "query parameter 'format' must be turtle, rdfxml or jsonld, got '\(QueryParameters.shown(parameter))'",
                              parameter: "format")
            }
            return format
        }
        guard let accept, !accept.isEmpty else { return .turtle }
        let types = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
        for type in types {
            if let format = ExportFormat(mediaType: type) { return format }
            if type == "*/*" || type == "text/*" || type == "application/*" { return .turtle }
        }
        throw Problem(.notAcceptable, type: Problem.typeURI("not-acceptable"),
                      detail: "the catalogue is exported as text/turtle, application/rdf+xml or application/ld+json; the Accept header names none of them")
    }
}
