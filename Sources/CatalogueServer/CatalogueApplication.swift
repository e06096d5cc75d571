import CatalogueEngine
import CohortCounts
import Harvesting
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the catalogue's HTTP server from one configuration value: `catalogue serve` runs it on
/// a port, tests start it in-process (HummingbirdTesting) or on a free loopback port, and a hub
/// embedding the catalogue calls the same function.
public enum CatalogueApplication {
    /// Opens the catalogue (writer, then readers) and wires the routes. The returned application
    /// closes the catalogue after a graceful shutdown (SIGTERM or SIGINT under `runService()`):
    /// requests in flight finish first, then every SQLite connection and Xapian handle is closed.
    public static func build(
        _ configuration: ServerConfiguration, logger: Logger = Logger(label: "catalogue.server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        // Before the catalogue opens: a bad key set stops the start with nothing to close.
        var oidc: OIDCVerifier?
        if let settings = configuration.oidc { oidc = try await OIDCVerifier.load(settings, logger: logger) }
        let catalogue = try SharedCatalogue(
            configuration: configuration.catalogue, readers: configuration.readers, queueCapacity: configuration.readerQueue,
            readTimeout: configuration.readTimeout)
        let metrics = CatalogueMetrics()
        let jobs = HarvestJobs(catalogue: catalogue, logger: logger, metrics: metrics)
        let nodeClient = NodeCountClient()
        let router: Router<CatalogueRequestContext>
        do {
            let counts = CountSource(
                catalogue: catalogue, hub: try CountSource.hub(nodesFile: configuration.nodesFile, client: nodeClient),
                trustedHubs: configuration.trustedHubs)
            let pages = try await WebPages.load()
            router = try self.router(catalogue, counts: counts, jobs: jobs, metrics: metrics, oidc: oidc, pages: pages, configuration: configuration)
        } catch {
            catalogue.close()
            await nodeClient.shutdown()
            throw error
        }
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "imaging-catalogue/\(CatalogueVersion.current)"),
            services: services(catalogue, jobs: jobs, nodeClient: nodeClient, configuration: configuration, logger: logger),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// The closer first (it shuts down last), then the schedule when there is a federation file.
    static func services(
        _ catalogue: SharedCatalogue, jobs: HarvestJobs, nodeClient: NodeCountClient, configuration: ServerConfiguration, logger: Logger
    ) -> [any Service] {
        var services: [any Service] = [CatalogueClosing(catalogue: catalogue, jobs: jobs, nodeClient: nodeClient)]
        if let file = configuration.nodesFile {
            services.append(HarvestScheduler(catalogue: catalogue, jobs: jobs, nodesFile: file, tick: configuration.scheduleTick, logger: logger))
        }
        return services
    }

    /// Builds the server and runs it until SIGTERM or SIGINT, then shuts down gracefully.
    public static func run(
        _ configuration: ServerConfiguration, logger: Logger = Logger(label: "catalogue.server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await build(configuration, logger: logger, onServerRunning: onServerRunning).runService()
    }

    static func router(
        _ catalogue: SharedCatalogue, counts: CountSource, jobs: HarvestJobs, metrics: CatalogueMetrics, oidc: OIDCVerifier?,
        pages: WebPages, configuration: ServerConfiguration
    ) throws -> Router<CatalogueRequestContext> {
        let router = Router(context: CatalogueRequestContext.self)
        let document = try OperationsRoutes.loadOpenAPIDocument()
        let routes = try RouteTable(openAPIDocument: document)
        router.addMiddleware {
            LogRequestsMiddleware(.info)
            RequestMetricsMiddleware(metrics: metrics)
            SecurityHeadersMiddleware()
            AllowListCORSMiddleware(origins: Set(configuration.corsOrigins))
            ProblemMiddleware(routes: routes)
            AuthenticationMiddleware(catalogue: catalogue, oidc: oidc)
            RateLimitMiddleware(
                perToken: RateLimiter(perSecond: configuration.tokenRate.perSecond, burst: configuration.tokenRate.burst),
                perAddress: RateLimiter(perSecond: configuration.addressRate.perSecond, burst: configuration.addressRate.burst))
        }
        let bodyLimit = configuration.maxBodyBytes
        OperationsRoutes(catalogue: catalogue, openAPIDocument: ByteBuffer(bytes: document), metrics: metrics).add(to: router)
        DatasetRoutes(catalogue: catalogue, metrics: metrics).add(to: router)
        FederationRoutes(catalogue: catalogue).add(to: router)
        HarvestRoutes(jobs: jobs, nodesFile: configuration.nodesFile, maxBodyBytes: bodyLimit).add(to: router)
        VocabularyRoutes(catalogue: catalogue).add(to: router)
        CurationRoutes(catalogue: catalogue, maxBodyBytes: bodyLimit).add(to: router)
        let budget = try CountBudget(limits: configuration.countLimits, journal: configuration.catalogue.countBudgetPath)
        CountRoutes(counts: counts, budget: budget, maxBodyBytes: bodyLimit).add(to: router)
        BeaconRoutes(catalogue: catalogue, counts: counts, budget: budget, maxBodyBytes: bodyLimit, beaconID: configuration.beaconID, publicURL: configuration.publicURL)
            .add(to: router)
        TokenRoutes(catalogue: catalogue, maxBodyBytes: bodyLimit).add(to: router)
        ExportRoutes(catalogue: catalogue, publicURL: configuration.publicURL).add(to: router)
        WebRoutes(catalogue: catalogue, pages: pages).add(to: router)
        CountsPageRoutes(catalogue: catalogue, counts: counts, budget: budget, pages: pages).add(to: router)
        CuratorRoutes(catalogue: catalogue, pages: pages).add(to: router)
        AdminRoutes(catalogue: catalogue, jobs: jobs, nodesFile: configuration.nodesFile, pages: pages).add(to: router)
        SignInRoutes(catalogue: catalogue, oidc: oidc, pages: pages, secureCookies: configuration.publicURL?.hasPrefix("https://") ?? false)
            .add(to: router)
        return router
    }
}

/// Closes the shared catalogue once the server has stopped: services shut down in reverse order,
/// and this one is listed before the HTTP server, so it closes after the last request finished
/// and after the harvests in progress were stored.
struct CatalogueClosing: Service {
    let catalogue: SharedCatalogue
    let jobs: HarvestJobs
    let nodeClient: NodeCountClient

    func run() async throws {
        try? await gracefulShutdown()
        await jobs.finishAll()
        await nodeClient.shutdown()
        catalogue.close()
    }
}
