import Foundation

/// One data node of the federation as `Harvesters/nodes.toml` declares it: where its metadata is
/// published, how to read it, and with which credentials.
public struct NodeConfiguration: Hashable, Sendable {
    /// The node identifier used in dataset keys and filters (see `NodeID`).
    public var id: String
    public var name: String
    /// ISO 3166-1 alpha-2 country code, upper case.
    public var country: String
    public var endpoint: NodeEndpoint
    public var harvestProtocol: HarvestProtocol
    /// How to find the next page of a `dcat` catalogue.
    public var paging: PagingConvention
    public var credentials: NodeCredentials?
    /// The mapping file of a `json` or `xml` node, resolved against the configuration file.
    public var mapping: URL?
    /// A media type that overrides the `Content-Type` the node sends (some servers send
    /// `text/plain` for Turtle).
    public var mediaType: String?
    /// The largest page accepted, in bytes.
    public var maxPageBytes: Int
    /// The most pages one run follows: a guard against a node that pages forever with fresh URLs.
    public var maxPages: Int
    /// The largest share (0–1) of the node's datasets one run may withdraw before it is held for
    /// an operator to accept: a node that suddenly lists half its datasets is more likely broken
    /// than shrunk.
    public var maxWithdraw: Double = defaultMaxWithdraw
    /// How often `catalogue serve` harvests the node by itself (`schedule = "every 6h"`); nil: only on request.
    public var schedule: Duration?
    /// Where a hub asks the node for cohort counts; nil: the node takes no part in counts.
    public var counts: NodeCountEndpoint?

    public static let defaultMaxPageBytes = 50 * 1024 * 1024
    public static let defaultMaxPages = 10_000
    public static let defaultMaxWithdraw = 0.5

    public init(
        id: String, name: String, country: String, endpoint: NodeEndpoint,
        harvestProtocol: HarvestProtocol = .dcat, paging: PagingConvention = .hydra,
        credentials: NodeCredentials? = nil, mapping: URL? = nil, mediaType: String? = nil,
        maxPageBytes: Int = defaultMaxPageBytes, maxPages: Int = defaultMaxPages
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.endpoint = endpoint
        self.harvestProtocol = harvestProtocol
        self.paging = paging
        self.credentials = credentials
        self.mapping = mapping
        self.mediaType = mediaType
        self.maxPageBytes = maxPageBytes
        self.maxPages = maxPages
    }
}

/// Where a node publishes its metadata.
public enum NodeEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// An `http://` or `https://` URL: the first page of the catalogue, or the FAIR Data Point root.
    case remote(URL)
    /// A local file (the first page) or a folder whose files are the pages, in name order.
    case local(URL)

    /// The URL to read, without userinfo: `nodes.toml` refuses credentials in a URL, and one built
    /// in code with them shows `***` in every page report and error (the HTTP client would not
    /// send them anyway; credentials come from ``NodeCredentials``).
    public var url: URL {
        switch self {
        case .remote(let url): URLRedaction.redacted(url)
        case .local(let url): url
        }
    }

    /// What a harvest run records as its endpoint: the URL without userinfo, or the path.
    public var description: String {
        switch self {
        case .remote(let url): URLRedaction.redacted(url.absoluteString)
        case .local(let url): url.path
        }
    }
}

/// How a node publishes its metadata.
public enum HarvestProtocol: String, CaseIterable, Hashable, Sendable {
    /// A DCAT catalogue document in any RDF serialisation, possibly paged.
    case dcat
    /// A FAIR Data Point: root → catalogues → datasets (→ distributions).
    case fdp
    /// The node's own JSON API, read through a mapping file.
    case json
    /// The node's own XML API, read through a mapping file.
    case xml
}

/// How the next page of a `dcat` catalogue is found.
public enum PagingConvention: String, CaseIterable, Hashable, Sendable {
    /// `hydra:next` / `hydra:nextPage` on a `hydra:PartialCollectionView` or `hydra:PagedCollection`.
    case hydra
    /// `?page=1`, `?page=2`, … until a page lists no dataset (hydra links still win when present).
    case pageParameter = "page-parameter"
}

/// A node's cohort-count endpoint as a hub reaches it (`counts = { endpoint = …, credentials = …,
/// timeout = 10 }`): the node's `POST /api/v1/counts`, the credential of the hub's researcher
/// token there, and how long the hub waits before it reports the node missing.
public struct NodeCountEndpoint: Hashable, Sendable {
    public var url: URL
    public var credentials: NodeCredentials?
    public var timeout: Duration

    public static let defaultTimeout: Duration = .seconds(10)
    /// A hub waiting longer keeps its researcher waiting on the slowest node.
    public static let timeoutRange = 1...120

    public init(url: URL, credentials: NodeCredentials? = nil, timeout: Duration = defaultTimeout) {
        self.url = url
        self.credentials = credentials
        self.timeout = timeout
    }
}
