import Foundation
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

    @Test func aPostThatIsNotAFormIsRefusedBeforeAnyRoute() async throws {
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer))
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

    @Test func aFloodFromOneClientIsSlowedAndOthersAreNot() async throws {
        let limits = IntakeLimits(postsPerMinute: 60, burst: 30, trustForwardedFor: true)
        // A frozen clock: on a busy machine the bucket must not refill between requests.
        let frozen = Date()
        let app = Application(
            router: buildIntakeRouter(database: try database(), signer: signer, limits: limits, now: { frozen }))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            let token = signer.sign(TokenClaims(purpose: .vote, round: 1, panelist: 1, choice: .support, expires: Date() + 3_600))
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<35 {
                try await client.execute(
                    uri: "/v/\(token)", method: .post, headers: [.init("X-Forwarded-For")!: "10.0.0.1, 203.0.113.9"]
                ) { response in
                    statuses.append(response.status)
                    if response.status == .tooManyRequests { #expect(response.headers[.retryAfter] == "60") }
                }
            }
            #expect(statuses.prefix(30).allSatisfy { $0 != .tooManyRequests })
            #expect(statuses.suffix(5).allSatisfy { $0 == .tooManyRequests })
            // another client, and GETs from the same one, go through
            try await client.execute(uri: "/v/\(token)", method: .post, headers: [.init("X-Forwarded-For")!: "198.51.100.7"]) {
                #expect($0.status != .tooManyRequests)
            }
            try await client.execute(uri: "/v/\(token)", method: .get, headers: [.init("X-Forwarded-For")!: "203.0.113.9"]) {
                #expect($0.status != .tooManyRequests)
            }
        }
    }

    @Test func withoutATrustedProxyThisMachineIsNotLimited() async throws {
        let app = Application(router: buildIntakeRouter(database: try database(), signer: signer))
        defer { try? FileManager.default.removeItem(at: folder) }
        try await app.test(.live) { client in
            for _ in 0..<40 {
                try await client.execute(uri: "/v/none", method: .post) { #expect($0.status != .tooManyRequests) }
            }
        }
    }
}
