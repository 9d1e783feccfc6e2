// swift-tools-version:6.1
// libFuzzer harnesses for the parsers that read outside input: inbound mail, signed tokens and reply addresses,
// case files, panel CSV. Not part of the main package: build and run them with scripts/fuzz.sh TARGET|all [SECONDS].
// They depend on the main package's pure modules as a whole — MailFormat (MIME, bounces, feedback reports) and
// PanelCore (tokens, reply addresses, case files, CSV) — so a new file in those modules is fuzzed with them.
import PackageDescription

let package = Package(
    name: "InboundFuzz",
    dependencies: [
        .package(name: "tweedemening", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .executableTarget(name: "InboundFuzz", dependencies: [.product(name: "MailFormat", package: "tweedemening")]),
        .executableTarget(
            name: "TokenFuzz",
            dependencies: [
                .product(name: "PanelCore", package: "tweedemening"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "CaseFileFuzz", dependencies: [.product(name: "PanelCore", package: "tweedemening")]),
        .executableTarget(name: "CSVFuzz", dependencies: [.product(name: "PanelCore", package: "tweedemening")]),
    ],
    swiftLanguageModes: [.v6]
)
