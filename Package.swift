// swift-tools-version: 6.1
// Imaging Catalogue: metadata catalogue and faceted search index for federated cancer-imaging data.
// Targets follow the data flow of DESIGN.md; dependencies point one way, left to right.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ImagingCatalogue",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "catalogue", targets: ["catalogue"]),
        .library(name: "CatalogueModel", targets: ["CatalogueModel"]),
        .library(name: "CatalogueEngine", targets: ["CatalogueEngine"]),
        // What a hub embedding the catalogue mounts: the HTTP application over the engine.
        .library(name: "CatalogueServer", targets: ["CatalogueServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 content hashes of harvested records (and later HMAC for cohort-count noise).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Reads Harvesters/nodes.toml: a TOML 1.0 parser (toml++) that reports errors with line and column.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Harvesting over HTTP(S): streaming bodies (to enforce the page cap), timeouts, redirects,
        // decompression and certificate verification, on SwiftNIO. Its NIO also runs the loopback
        // fault-injecting server the harvest tests use.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // The HTTP server (issue 10): routing, middleware, in-process and live testing, on the
        // NIO the harvester already uses; service-lifecycle for graceful shutdown on SIGTERM.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // /metrics in Prometheus' format, on a registry of the server's own (no global bootstrap).
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // OIDC (LS-AAI-style) bearer JWTs: JWKS parsing and RS/PS/ES/EdDSA signature checks are
        // security code we should not write ourselves.
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        // The web pages' server-side templates: logic-less Mustache with HTML escaping by
        // default and template inheritance, from the Hummingbird project (no build toolchain).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Value types shared by every stage; no I/O.
        .target(name: "CatalogueModel", swiftSettings: swiftSettings),

        // Xapian found through pkg-config (xapian-core.pc), so a package depending on us needs no flags.
        .systemLibrary(name: "CXapianCore", pkgConfig: "xapian-core", providers: [.apt(["libxapian-dev"])]),

        // The only C++: a flat C API over Xapian 1.4 that never throws. No unsafe flags: SwiftPM
        // refuses them in a dependency, and the hub depends on this package.
        .target(
            name: "CXapian",
            dependencies: ["CXapianCore"],
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // raptor2 (RDF/XML, Turtle, N-Triples, TriG) as a system library.
        .systemLibrary(name: "CRaptor", pkgConfig: "raptor2", providers: [.apt(["libraptor2-dev"])]),

        // libxml2, to locate RDF/XML well-formedness errors that raptor2 reports without a line.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        .target(name: "CXMLErrorLocator", dependencies: ["CLibXML2"]),

        // libxml2's parser and XPath behind a flat C API, for custom XML node APIs.
        .target(name: "CXPath", dependencies: ["CLibXML2"]),

        .target(name: "RDF", dependencies: ["CatalogueModel", "CRaptor", "CXMLErrorLocator"], swiftSettings: swiftSettings),
        .target(
            name: "Harvesting",
            dependencies: [
                "CatalogueModel", "RDF", "CXPath",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Vocabulary", dependencies: ["CatalogueModel", "RDF"], swiftSettings: swiftSettings),
        .target(
            name: "CatalogueStore",
            dependencies: [
                "CatalogueModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "SearchIndex", dependencies: ["CatalogueModel", "CXapian"], swiftSettings: swiftSettings),
        // Cohort counts: subject files, the cohort index, the fail-closed query language, the
        // disclosure policy and the hub's combining of node answers; only ProtectedCount leaves it.
        .target(
            name: "CohortCounts",
            dependencies: [
                // Harvesting for the hub's node count client and the nodes' count endpoints.
                "CatalogueModel", "RDF", "Harvesting", "Vocabulary", "CatalogueStore", "SearchIndex",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Composes the stages (import, reindex, search with concept resolution) for the CLI and the server.
        .target(
            name: "CatalogueEngine",
            dependencies: [
                "CatalogueModel", "RDF", "Harvesting", "Vocabulary", "CatalogueStore", "SearchIndex", "CohortCounts",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API and the web pages over the engine (Hummingbird).
        .target(
            name: "CatalogueServer",
            dependencies: [
                // RDF for the one JSON reader of request bodies; Harvesting for nodes.toml (harvests, schedule).
                "CatalogueModel", "RDF", "Harvesting", "CatalogueEngine", "CohortCounts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The curators' page forms' CSRF tokens (SHA-256 of the session's secret).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The OpenAPI document, and the web pages' templates, messages and static assets.
            resources: [.copy("Resources/openapi.json"), .copy("Resources/Web")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "catalogue",
            dependencies: [
                "CatalogueModel", "CatalogueEngine", "CatalogueServer", "Harvesting", "CohortCounts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CatalogueTesting",
            dependencies: [
                "CatalogueModel", "Harvesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CatalogueBenchmark",
            dependencies: [
                "CatalogueModel", "CatalogueEngine", "SearchIndex", "CatalogueStore", "Vocabulary", "CohortCounts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/CatalogueBenchmark",
            swiftSettings: swiftSettings
        ),

        // libFuzzer targets (issue 9), one executable per parser; scripts/fuzz.sh builds them with
        // `-sanitize=fuzzer` and `-DFUZZING` into .build-fuzz. In the normal build each is a stub
        // whose main prints how to run it, so `swift build` and `swift test` are unchanged.
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "Fuzz/Support", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzTurtle", dependencies: ["FuzzSupport", "RDF"], path: "Fuzz/Turtle", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzRDFXML", dependencies: ["FuzzSupport", "RDF"], path: "Fuzz/RDFXML", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzJSONLD", dependencies: ["FuzzSupport", "RDF"], path: "Fuzz/JSONLD", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", "RDF"], path: "Fuzz/JSON", swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzRecordJSON", dependencies: ["FuzzSupport", "CatalogueModel", "CatalogueStore"],
            path: "Fuzz/RecordJSON", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzMapping", dependencies: ["FuzzSupport", "Harvesting"], path: "Fuzz/Mapping", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzCustomPage", dependencies: ["FuzzSupport", "Harvesting"], path: "Fuzz/CustomPage", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzNodesTOML", dependencies: ["FuzzSupport", "Harvesting"], path: "Fuzz/NodesTOML", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzSearch", dependencies: ["FuzzSupport", "CatalogueModel"], path: "Fuzz/Search", swiftSettings: swiftSettings),

        .testTarget(name: "CatalogueModelTests", dependencies: ["CatalogueModel"], swiftSettings: swiftSettings),
        .testTarget(name: "RDFTests", dependencies: ["RDF", "CatalogueTesting"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "HarvestingTests", dependencies: ["Harvesting", "RDF", "CatalogueTesting"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary", "RDF", "CatalogueTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "CatalogueStoreTests", dependencies: ["CatalogueStore", "CatalogueTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "CXapian"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CohortCountsTests",
            dependencies: [
                "CohortCounts", "CatalogueModel", "CatalogueStore", "SearchIndex", "Vocabulary", "CatalogueTesting",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CatalogueEngineTests",
            // GRDB only to turn a catalogue back into one from before the vocabularies were stored.
            // RDF and CatalogueStore to check that their two JSON readers agree.
            dependencies: ["CatalogueEngine", "CatalogueTesting", "RDF", "CatalogueStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CatalogueServerTests",
            dependencies: [
                "CatalogueServer", "CatalogueEngine", "CatalogueModel", "CatalogueTesting", "CohortCounts",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // To sign the role matrix's OIDC tokens with keys made in the test.
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            // The Beacon v2 schemas are read from the source tree by scripts/check-beacon.py.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(name: "CatalogueCLITests", dependencies: ["catalogue", "CatalogueModel", "CatalogueTesting"], swiftSettings: swiftSettings),
    ],
    cxxLanguageStandard: .cxx17
)
