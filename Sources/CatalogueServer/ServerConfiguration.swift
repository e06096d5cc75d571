import CatalogueEngine
import CohortCounts
import Foundation

/// Everything `catalogue serve` (or a hub embedding the server) decides: which catalogue, where
/// to listen, and the limits that keep one client from starving the others.
public struct ServerConfiguration: Sendable {
    public var catalogue: CatalogueConfiguration
    public var host: String
    /// 0 picks a free port (tests); the bound one is reported through `onServerRunning`.
    public var port: Int
    /// Reader threads, each with its own SQLite connection and Xapian reader.
    public var readers: Int
    /// Requests that may wait for a free reader before the server answers 503.
    public var readerQueue: Int
    /// Largest request body accepted; larger ones get 413 before they are read.
    public var maxBodyBytes: Int
    /// The federation file (nodes.toml) `POST /api/v1/harvests` harvests from; nil: no harvests.
    public var nodesFile: URL?
    /// Origins (`https://hub.example.eu`) whose pages may call the API from a browser.
    public var corsOrigins: [String] = []
    /// Requests per second (and burst) one client address may make without a token.
    public var addressRate = RateLimit(perSecond: 50, burst: 100)
    /// Requests per second (and burst) one token may make.
    public var tokenRate = RateLimit(perSecond: 200, burst: 400)
    /// The URL the server is reached at (`https://catalogue.example.eu`), for the export's IRIs
    /// and paging links; nil: the request's Host header.
    public var publicURL: String?
    /// The Beacon's identifier in reverse domain notation (`eu.example.catalogue`), in every
    /// Beacon answer's `meta.beaconId`.
    public var beaconID = "org.imaging-catalogue.beacon"
    /// Count queries one researcher may ask (`reference/privacy.md` §5.5).
    public var countLimits = CountBudget.Limits()
    /// Names of the API tokens of hubs allowed to count on behalf of their researchers (header
    /// `Catalogue-On-Behalf-Of`): each researcher then has their own budget and audit rows here,
    /// as `hub/researcher`. Trust only a hub that authenticates its researchers and keeps their
    /// budgets too.
    public var trustedHubs: Set<String> = []
    /// Bearer JWTs of an OpenID Connect provider accepted beside API tokens; nil: API tokens only.
    public var oidc: OIDCConfiguration?
    /// How often the harvest schedule of `nodesFile` is looked at.
    public var scheduleTick: Duration = .seconds(30)
    /// How long a read may take before the client gets 503.
    public var readTimeout: Duration = .seconds(30)

    /// A token bucket: `perSecond` on average, `burst` at once.
    public struct RateLimit: Sendable {
        public var perSecond: Double
        public var burst: Int

        public init(perSecond: Double, burst: Int) {
            self.perSecond = perSecond
            self.burst = burst
        }
    }

    public init(
        catalogue: CatalogueConfiguration, host: String = "127.0.0.1", port: Int = 8080,
        readers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount), readerQueue: Int = 256,
        maxBodyBytes: Int = 1 << 20, nodesFile: URL? = nil
    ) {
        self.catalogue = catalogue
        self.host = host
        self.port = port
        self.readers = readers
        self.readerQueue = readerQueue
        self.maxBodyBytes = maxBodyBytes
        self.nodesFile = nodesFile
    }
}
