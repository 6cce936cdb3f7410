// swift-tools-version: 6.1
import PackageDescription

/// Debrief: interview candidate tracking with structured scoring.
/// Target layout and the arrows between targets follow ARCHITECTURE.md.
let package = Package(
    name: "Debrief",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
        .executable(name: "debrief-fuzz", targets: ["DebriefFuzz"]),
        .executable(name: "debrief-bench-reliability", targets: ["DebriefReliabilityBench"]),
        .library(name: "DebriefCore", targets: ["DebriefCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // multipart/form-data for the import page's file upload; it brings no package the graph lacks.
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // gzip for kept report renderings (zlib underneath): a 450 KB report is sent as about a tenth (BENCHMARKS.md).
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "DebriefCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "DebriefImport",
            dependencies: ["DebriefCore", "CLibXML2"]
        ),
        .target(
            name: "DebriefStore",
            dependencies: [
                "DebriefCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "DebriefReports",
            dependencies: ["DebriefCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "DebriefService",
            dependencies: [
                "DebriefCore", "DebriefImport", "DebriefStore", "DebriefReports",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "DebriefServer",
            dependencies: [
                "DebriefCore", "DebriefService", "DebriefStore", "DebriefReports", "DebriefImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Web/Templates"), .copy("Web/Static")]
        ),
        .target(
            name: "DebriefCLI",
            dependencies: [
                "DebriefCore", "DebriefService", "DebriefStore", "DebriefImport", "DebriefReports", "DebriefServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "debrief", dependencies: ["DebriefCLI"]),
        .executableTarget(name: "DebriefReliabilityBench", dependencies: ["DebriefCore"]),
        // Fuzz targets: replays inputs in a normal build, runs libFuzzer when built by `make fuzz`.
        .executableTarget(
            name: "DebriefFuzz",
            dependencies: [
                "DebriefCore", "DebriefImport", "DebriefServer", "DebriefStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "DebriefCoreTests", dependencies: ["DebriefCore"]),
        .testTarget(name: "DebriefFuzzTests", dependencies: ["DebriefFuzz", "DebriefImport"]),
        .testTarget(name: "DebriefImportTests", dependencies: ["DebriefImport", "DebriefCore"]),
        .testTarget(
            name: "DebriefStoreTests",
            dependencies: ["DebriefStore", "DebriefCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DebriefReportsTests", dependencies: ["DebriefReports", "DebriefCore"]),
        .testTarget(name: "DebriefServiceTests", dependencies: ["DebriefService", "DebriefStore", "DebriefImport", "DebriefCore"]),
        .testTarget(
            name: "DebriefServerTests",
            dependencies: [
                "DebriefServer", "DebriefService", "DebriefStore", "DebriefCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        .testTarget(
            name: "DebriefCLITests",
            dependencies: ["DebriefCLI", "DebriefStore", "DebriefCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
