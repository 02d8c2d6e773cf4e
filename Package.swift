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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "factcheck",
            dependencies: ["FactCheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Prints the accuracy figures (Duckling's corpora); a tool for developers, not shipped as a product.
        .executableTarget(
            name: "factcheck-accuracy",
            dependencies: ["FactCheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Prints the performance figures (raw PCRE2 scan speed, check latency against a store); for developers.
        .executableTarget(
            name: "factcheck-bench",
            dependencies: ["FactCheckKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "FactCheckKitTests", dependencies: ["FactCheckKit", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Values/Fixtures"]),
        // Depends on the executable so that `swift test` builds the binary these tests run.
        .testTarget(name: "factcheckTests", dependencies: ["factcheck", "FactCheckKit"], exclude: ["Fixtures"]),
    ]
)
