// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "factcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "factcheck", targets: ["factcheck"]),
        .library(name: "FactCheckKit", targets: ["FactCheckKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(
            name: "FactCheckKit",
            dependencies: ["CPCRE2", .product(name: "Yams", package: "Yams"),
                           .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "GRDB", package: "GRDB.swift"),
                           // The fact store's writer binds values straight to SQLite (StatementBinder).
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            // Rules/ and Reports/templates/ are compiled in, so an installed binary needs nothing beside it.
            plugins: ["EmbedBuiltIns"]
        ),
        .plugin(name: "EmbedBuiltIns", capability: .buildTool(), dependencies: ["factcheck-embed"]),
        // The plugin's tool: writes the files it is given as Swift string literals.
        .executableTarget(name: "factcheck-embed"),
        // The HTTP server (`factcheck serve`); its own target so that FactCheckKit stays free of NIO.
        .target(
            name: "FactCheckServer",
            dependencies: ["FactCheckKit", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           // `serve --metrics`: a registry per server, exposed at GET /metrics.
                           .product(name: "Prometheus", package: "swift-prometheus")]
        ),
        // The PostgreSQL fact store (a `postgresql://` factbase); its own target so that FactCheckKit stays free of NIO.
        .target(
            name: "FactCheckPostgres",
            dependencies: ["FactCheckKit", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        .executableTarget(
            name: "factcheck",
            dependencies: ["FactCheckKit", "FactCheckServer", "FactCheckPostgres",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Prints the accuracy figures (Duckling's corpora); a tool for developers, not shipped as a product.
        .executableTarget(
            name: "factcheck-accuracy",
            dependencies: ["FactCheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Prints the performance figures (raw PCRE2 scan speed, check latency against a store); for developers.
        .executableTarget(
            name: "factcheck-bench",
            dependencies: ["FactCheckKit", "FactCheckPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "FactCheckKitTests", dependencies: ["FactCheckKit", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Values/Fixtures"]),
        // Depends on the executable so that `swift test` builds the binary these tests run.
        .testTarget(name: "factcheckTests", dependencies: ["factcheck", "FactCheckKit"], exclude: ["Fixtures"]),
        .testTarget(name: "FactCheckServerTests",
                    dependencies: ["FactCheckServer", .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "NIOPosix", package: "swift-nio")]),
    ]
)
