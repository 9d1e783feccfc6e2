// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tweedemening",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tweedemening", targets: ["tweedemening"]),
        // For the fuzz package in Fuzz/, which builds the parsers with -sanitize=fuzzer.
        .library(name: "MailFormat", targets: ["MailFormat"]),
        .library(name: "PanelCore", targets: ["PanelCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        // libcurl, through typed shims over its variadic C API.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // COIN-OR CBC, the integer programming solver the panel selection's exact pricing step uses.
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // The domain: pure and synchronous, no I/O.
        .target(
            name: "PanelCore",
            dependencies: ["CCbc", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Persistence: GRDB migrations, records, one database owner.
        .target(
            name: "PanelStore",
            dependencies: ["PanelCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Mail formats, pure: MIME writing and parsing, bounces and feedback reports, DKIM, Markdown to text and HTML.
        // No database, no network: the fuzz package (Fuzz/) depends on this module as a whole.
        .target(
            name: "MailFormat",
            dependencies: [
                // DKIM: Ed25519 from Crypto, RSA PKCS#1 v1.5 signing from _CryptoExtras.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Mail: composing from templates, the Queue/ spool, SMTP through libcurl, filing inbound mail.
        .target(
            name: "PanelMail",
            dependencies: [
                "MailFormat", "PanelCore", "PanelStore", "CCurl",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // HTTP intake: vote and unsubscribe pages, health.
        .target(
            name: "PanelIntake",
            dependencies: [
                "PanelCore", "PanelStore", "PanelMail",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "tweedemening",
            dependencies: [
                "PanelCore", "PanelStore", "PanelMail", "PanelIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // Benchmarks: print numbers, never assert on them (`swift run -c release KeyPointsBench`).
        .executableTarget(name: "KeyPointsBench", dependencies: ["PanelCore"], path: "Benchmarks/KeyPointsBench"),
        // Selecting 200 of 5,000 volunteers with quotas, with selection probabilities (`swift run -c release SelectionBench`).
        .executableTarget(name: "SelectionBench", dependencies: ["PanelCore"], path: "Benchmarks/SelectionBench"),
        // The key point analysis replayed on subsamples of stored rounds (`scripts/eval/keypoints-subsample.py`).
        .executableTarget(name: "KeyPointsReplay", dependencies: ["PanelCore"], path: "Benchmarks/KeyPointsReplay"),
        // Test helpers: a real SMTP server on loopback (scripts/smtp-catcher.py) and its Maildir.
        .target(name: "TestSupport", path: "Sources/TestSupport"),
        .testTarget(name: "PanelCoreTests", dependencies: ["PanelCore"]),
        .testTarget(
            name: "PanelStoreTests",
            dependencies: ["PanelStore", "PanelCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "PanelMailTests",
            dependencies: [
                "MailFormat", "PanelMail", "PanelStore", "PanelCore", "TestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "PanelIntakeTests",
            dependencies: [
                "PanelIntake", "PanelStore", "PanelCore", "PanelMail",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
