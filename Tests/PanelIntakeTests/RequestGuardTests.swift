import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PanelCore
import PanelStore
import Testing

@testable import PanelIntake

/// The intake's guard, over real HTTP on loopback: content types, and a per-client rate limit on POST.
@Suite struct RequestGuardTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 9, count: 32))])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-guard-\(UUID().uuidString)")

    func database() throws -> AppDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try AppDatabase.open(path: folder.appendingPathComponent("guard.sqlite").path)
    }

    @Test func theMediaTypeIsReadWithoutCaseParametersOrSpaces() {
        #expect(RequestGuard.mediaType("application/x-www-form-urlencoded") == "application/x-www-form-urlencoded")
        #expect(
            RequestGuard.mediaType(" Application/X-WWW-Form-Urlencoded ; charset=UTF-8") == "application/x-www-form-urlencoded")
        #expect(RequestGuard.mediaType("\tmultipart/form-data;boundary=x") == "multipart/form-data")
        #expect(RequestGuard.mediaType("TEXT/PLAIN\t") == "text/plain")
        #expect(RequestGuard.mediaType("") == "")
        #expect(RequestGuard.mediaType(" ; charset=utf-8") == "")
        // Only ASCII letters are lowered; anything else stays as sent (and matches no allowed type)
        #expect(RequestGuard.mediaType("TEXT/PLAİN") == "text/plaİn")
    }

    @Test func aPostThatIsNotAFormIsRefusedBeforeAnyRoute() async throws {
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer, templates: .shipped))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            let token = signer.sign(TokenClaims(purpose: .unsubscribe, round: 1, panelist: 1, expires: Date() + 3_600))
            try await client.execute(
                uri: "/u/\(token)", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            // RFC 8058 clients send a form, urlencoded or multipart: those pass the guard
            try await client.execute(
                uri: "/u/\(token)", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(
                    string: "--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n")
            ) { response in
                #expect(response.status != .unsupportedMediaType && response.status != .tooManyRequests)
            }
        }
    }

    @Test func aPostWithoutAContentTypeIsRefused() async throws {
        // Given the intake (the docs promise 415 for a POST that is not a form; it used to let one without any type pass)
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer, templates: .shipped))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.router) { client in
            let token = signer.sign(TokenClaims(purpose: .unsubscribe, round: 1, panelist: 1, expires: Date() + 3_600))
            // When a POST carries no Content-Type, then it is refused before any route, in Dutch and English
            for uri in ["/u/\(token)", "/v/\(token)", "/inbound"] {
                try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: "List-Unsubscribe=One-Click")) {
                    #expect($0.status == .unsupportedMediaType, "\(uri)")
                    let text = String(buffer: $0.body)
                    #expect(text.contains("Er is niets vastgelegd") && text.contains("no Content-Type"), "\(text)")
                }
            }
        }
    }

    @Test func aFormFromAnotherSiteIsRefusedExceptTheOneClickUnsubscribe() async throws {
        // Given the intake at https://panel.example
        let app = Application(
            router: buildIntakeRouter(
                database: try database(), signer: signer, templates: .shipped, baseURL: "https://panel.example/tm"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = "komt niet van De Tweede Mening"
        try await app.test(.router) { client in
            let vote = signer.sign(TokenClaims(purpose: .vote, round: 1, panelist: 1, choice: .support, expires: Date() + 3_600))
            let unsubscribe = signer.sign(TokenClaims(purpose: .unsubscribe, round: 1, panelist: 1, expires: Date() + 3_600))
            // When a browser posts a form from another site (by its own word, or by its Origin), then it is refused
            for headers: HTTPFields in [
                [.contentType: "application/x-www-form-urlencoded", .secFetchSite: "cross-site"],
                [
                    .contentType: "application/x-www-form-urlencoded", .secFetchSite: "same-site",
                    .origin: "https://x.panel.example",
                ],
                [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                [.contentType: "application/x-www-form-urlencoded", .origin: "http://panel.example"],
                [.contentType: "multipart/form-data; boundary=x", .origin: "https://panel.example:8443"],
            ] {
                for uri in ["/v/\(vote)", "/p/\(vote)", "/m/\(vote)", "/j/\(vote)", "/e/\(vote)", "/u/\(unsubscribe)"] {
                    try await client.execute(uri: uri, method: .post, headers: headers) {
                        #expect($0.status == .forbidden, "\(uri) \(headers)")
                        #expect(String(buffer: $0.body).contains(refused))
                    }
                }
            }
            // And our own forms pass: same-origin (a browser sends `Origin: null` under our no-referrer policy), our
            // origin (default port written or not), no browser headers at all (curl, a mail provider)
            for headers: HTTPFields in [
                [.contentType: "application/x-www-form-urlencoded", .secFetchSite: "same-origin", .origin: "null"],
                [.contentType: "application/x-www-form-urlencoded", .secFetchSite: "none"],
                [.contentType: "application/x-www-form-urlencoded", .origin: "https://PANEL.example:443"],
                [.contentType: "application/x-www-form-urlencoded", .origin: "null"],
                [.contentType: "application/x-www-form-urlencoded"],
            ] {
                try await client.execute(uri: "/v/\(vote)", method: .post, headers: headers) {
                    #expect(!String(buffer: $0.body).contains(refused), "\(headers)")
                }
            }
            // And RFC 8058's one-click POST passes from anywhere, urlencoded or multipart, its body intact for the route
            let oneClick: [(String, String)] = [
                ("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"),
                (
                    "multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n"
                ),
            ]
            for (type, body) in oneClick {
                try await client.execute(
                    uri: "/u/\(unsubscribe)", method: .post,
                    headers: [.contentType: type, .secFetchSite: "cross-site", .origin: "https://webmail.example"],
                    body: ByteBuffer(string: body)
                ) {
                    #expect(!String(buffer: $0.body).contains(refused), "\(type)")
                    // the route ran: panelist 1 does not exist in this empty database
                    #expect($0.status == .notFound, "\(type)")
                }
            }
            // But only at an unsubscribe link, and only with that body
            try await client.execute(
                uri: "/v/\(vote)", method: .post, headers: [.contentType: oneClick[0].0, .secFetchSite: "cross-site"],
                body: ByteBuffer(string: oneClick[0].1)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/u/\(unsubscribe)", method: .post, headers: [.contentType: oneClick[0].0, .secFetchSite: "cross-site"],
                body: ByteBuffer(string: "List-Unsubscribe=One-Click&x=1")
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test func withoutABaseURLAnOriginIsComparedWithTheHost() async throws {
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer, templates: .shipped))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/v/none", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"]
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/v/none", method: .post,
                // the test client names the host without its port
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"]
            ) { #expect($0.status == .badRequest) }
        }
    }

    @Test func aFloodFromOneClientIsSlowedAndOthersAreNot() async throws {
        let limits = IntakeLimits(postsPerMinute: 60, burst: 30, trustForwardedFor: true)
        // A frozen clock: on a busy machine the bucket must not refill between requests.
        let frozen = Date()
        let app = Application(
            router: buildIntakeRouter(
                database: try database(), signer: signer, templates: .shipped, limits: limits, now: { frozen }))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            let token = signer.sign(TokenClaims(purpose: .vote, round: 1, panelist: 1, choice: .support, expires: Date() + 3_600))
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<35 {
                try await client.execute(
                    uri: "/v/\(token)", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "10.0.0.1, 203.0.113.9",
                    ]
                ) { response in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests { #expect(response.headers[.retryAfter] == "60") }
                }
            }
            #expect(statuses.prefix(30).allSatisfy { $0 != .tooManyRequests })
            #expect(statuses.suffix(5).allSatisfy { $0 == .tooManyRequests })
            // another client, and GETs from the same one, go through
            try await client.execute(
                uri: "/v/\(token)", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "198.51.100.7"]
            ) {
                #expect($0.status != .tooManyRequests)
            }
            try await client.execute(uri: "/v/\(token)", method: .get, headers: [.init("X-Forwarded-For")!: "203.0.113.9"]) {
                #expect($0.status != .tooManyRequests)
            }
        }
    }

    @Test func aProxyOnThisMachineIsLimitedPerForwardedClientWithoutAnySetting() async throws {
        // Given the default limits (no trust_forwarded_for) and a frozen clock
        let frozen = Date()
        let app = Application(
            router: buildIntakeRouter(database: try database(), signer: signer, templates: .shipped, now: { frozen }))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            // When a same-host proxy (the test client, from loopback) forwards 35 POSTs of one client
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<35 {
                try await client.execute(
                    uri: "/v/none", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "10.0.0.1, 203.0.113.9",
                    ]
                ) { statuses.append($0.status) }
            }
            // Then that client is slowed after its burst (the last entry, the one the proxy added, is the client)
            #expect(statuses.prefix(30).allSatisfy { $0 != .tooManyRequests })
            #expect(statuses.suffix(5).allSatisfy { $0 == .tooManyRequests }, "\(statuses.suffix(5))")
            // And another forwarded client, and this machine itself without the header, are not
            try await client.execute(
                uri: "/v/none", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "198.51.100.7"]
            ) { #expect($0.status != .tooManyRequests) }
            try await client.execute(uri: "/v/none", method: .post, headers: .form) { #expect($0.status != .tooManyRequests) }
        }
    }

    @Test func withoutATrustedProxyThisMachineIsNotLimited() async throws {
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer, templates: .shipped))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            for _ in 0..<40 {
                try await client.execute(uri: "/v/none", method: .post, headers: .form) { #expect($0.status != .tooManyRequests) }
            }
        }
    }
}

extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
