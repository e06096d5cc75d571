import ArgumentParser
import CatalogueEngine
import CatalogueServer
import Foundation
import Logging

extension Catalogue {
    /// `catalogue serve`: the JSON API (and its OpenAPI document) over HTTP until SIGTERM/SIGINT.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the catalogue over HTTP: the JSON API of docs/api.md, described at /openapi.json.",
            discussion: """
            Searches are answered by a pool of reader threads while harvests and vocabulary edits \
            write. SIGTERM or Ctrl-C stops the server gracefully: requests in flight finish, then \
            the catalogue is closed.
            """
        )

        @OptionGroup var homeOptions: HomeOptions
        @OptionGroup var federationOptions: FederationOptions
        @OptionGroup(title: "OpenID Connect") var oidcOptions: OIDCOptions

        @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
        var port = 8080

        @Option(help: ArgumentHelp("Reader threads (each with its own index reader); default: the number of cores, at least 2.", valueName: "n"))
        var readers: Int?

        @Option(name: .customLong("cors-origin"), help: ArgumentHelp(
            "An origin whose pages may call the API from a browser, as https://hub.example.eu (repeatable).", valueName: "origin"))
        var corsOrigins: [String] = []

        @Option(name: .customLong("public-url"), help: ArgumentHelp(
            "The URL clients reach the server at (behind a proxy), for the DCAT-AP export's IRIs and links.", valueName: "url"))
        var publicURL: String?

        @Option(name: .customLong("log-level"), help: ArgumentHelp(
            "The least severe log messages written to standard error: trace, debug, info (each request), notice, warning, error or critical.",
            valueName: "level"))
        var logLevel = "info"

        @Option(name: .customLong("rate-limit"), help: ArgumentHelp(
            "Requests per second one address may make without a token (burst: twice that); tokens get four times it.", valueName: "n"))
        var rateLimit: Double = 50

        @Option(name: .customLong("trusted-hub"), help: ArgumentHelp(
            "The name of a hub's researcher token whose Catalogue-On-Behalf-Of header is honoured: each of the hub's researchers then has their own count budget and audit rows here (repeatable).",
            valueName: "token-name"))
        var trustedHubs: [String] = []

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
            if let readers, !(1...64).contains(readers) {
                throw ValidationError("--readers must be between 1 and 64, got \(readers)")
            }
            guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level '\(logLevel)' is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard rateLimit.isFinite, (0.1...100_000).contains(rateLimit) else {
                throw ValidationError("--rate-limit must be between 0.1 and 100000 requests per second, got \(rateLimit)")
            }
            if let publicURL, Self.httpURL(publicURL) == nil {
                throw ValidationError("--public-url '\(publicURL)' is not an http(s) URL without query or fragment")
            }
            for hub in trustedHubs {
                do { try CatalogueService.validateTokenName(hub) } catch { throw ValidationError("--trusted-hub: \(error)") }
            }
            for origin in corsOrigins where Self.httpURL(origin)?.path.isEmpty != true {
                throw ValidationError("--cors-origin '\(origin)' is not an origin: write scheme://host[:port], as https://hub.example.eu")
            }
        }

        /// An http(s) URL with a host and neither query nor fragment.
        static func httpURL(_ text: String) -> URL? {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                  url.query == nil, url.fragment == nil else { return nil }
            return url
        }

        func run() async throws {
            var configuration = ServerConfiguration(
                catalogue: try homeOptions.configuration(), host: host, port: port, nodesFile: try federationOptions.file())
            if let readers { configuration.readers = readers }
            configuration.corsOrigins = corsOrigins
            configuration.trustedHubs = Set(trustedHubs)
            configuration.oidc = try oidcOptions.configuration()
            configuration.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            configuration.addressRate = .init(perSecond: rateLimit, burst: Int((rateLimit * 2).rounded(.up)))
            configuration.tokenRate = .init(perSecond: rateLimit * 4, burst: Int((rateLimit * 8).rounded(.up)))
            let host = self.host
            var logger = Logger(label: "catalogue.server")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            try await withUserFacingErrorsAsync {
                try await CatalogueApplication.run(configuration, logger: logger) { port in
                    let line = "Serving the catalogue on http://\(host):\(port)/ (web pages: /, API: /api/v1/datasets, description: /openapi.json); Ctrl-C stops it.\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            }
        }
    }
}

