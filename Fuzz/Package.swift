// swift-tools-version:6.1
// libFuzzer harnesses for the parsers that read outside input: inbound mail, signed tokens and reply addresses,
// case files, panel CSV. Not part of the main package: build and run them with scripts/fuzz.sh TARGET|all [SECONDS].
// Sources/PanelMail/{Inbound,MIME} and Sources/PanelCore/* are symlinks to the real sources; the files listed below
// must import nothing but Foundation (and Crypto, for the token and reply-address files).
import PackageDescription

let package = Package(
    name: "InboundFuzz",
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3")
    ],
    targets: [
        // Only the parser and the MIME helpers it reuses: other files in Inbound/ (Mailroom.swift) need the whole app.
        .target(
            name: "PanelMail",
            path: "Sources/PanelMail",
            exclude: ["Inbound/Mailroom.swift"],
            sources: [
                "Inbound/AuthenticationResults.swift", "Inbound/Charset.swift", "Inbound/DeliveryStatus.swift",
                "Inbound/HTMLText.swift", "Inbound/InboundMessage.swift", "Inbound/MIMEParser.swift",
                "Inbound/MIMEPart.swift", "MIME",
            ]
        ),
        // The parsers of PanelCore and what they use: votes and evaluation answers ride in tokens (and a tally needs
        // the verdict statistics); the case check uses the personal-data scanner and the readability score. Each
        // file is its own symlink, so files added to PanelCore stay out until a target needs them.
        .target(name: "PanelCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "InboundFuzz", dependencies: ["PanelMail"]),
        .executableTarget(
            name: "TokenFuzz",
            dependencies: ["PanelCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(name: "CaseFileFuzz", dependencies: ["PanelCore"]),
        .executableTarget(name: "CSVFuzz", dependencies: ["PanelCore"]),
    ],
    swiftLanguageModes: [.v6]
)
