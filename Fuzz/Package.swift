// swift-tools-version:6.1
// libFuzzer harness for the inbound mail parser. Not part of the main package: build and run it with
// scripts/fuzz-inbound.sh. Sources/PanelMail/{Inbound,MIME} are symlinks to the real sources; the files listed below
// must import nothing but Foundation.
import PackageDescription

let package = Package(
    name: "InboundFuzz",
    targets: [
        // Only the parser and the MIME helpers it reuses: other files in Inbound/ (Mailroom.swift) need the whole app.
        .target(
            name: "PanelMail",
            path: "Sources/PanelMail",
            exclude: ["Inbound/Mailroom.swift"],
            sources: [
                "Inbound/Charset.swift", "Inbound/HTMLText.swift", "Inbound/InboundMessage.swift",
                "Inbound/MIMEParser.swift", "Inbound/MIMEPart.swift", "MIME",
            ]
        ),
        .executableTarget(name: "InboundFuzz", dependencies: ["PanelMail"]),
    ],
    swiftLanguageModes: [.v6]
)
