import Foundation
import TestSupport
import Testing

/// Behind a TLS proxy on the same machine (issue 17, finding 14): the proxy connects from 127.0.0.1, and the rate
/// limit must still be per client — by the `X-Forwarded-For` entry the proxy adds — with no setting, while a client
/// that connects directly cannot dodge the limit by writing that header itself. Against the real `serve`, over TCP.
@Suite struct ProxyEndToEndTests {
    /// POSTs `count` forms to `/v/x` at once from `source`, `forwardedFor(i)` as `X-Forwarded-For`; the statuses.
    /// At once: on a busy machine one after the other could take long enough for the bucket to refill.
    static func post(
        _ base: String, count: Int, from source: String, forwardedFor: @escaping @Sendable (Int) -> String?
    ) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    let headers = forwardedFor(index).map { [("X-Forwarded-For", $0)] } ?? []
                    return try await HTTPClient.send(
                        "POST", "\(base)/v/x", headers: headers, body: Array("a=b".utf8), from: source
                    )
                    .status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func aSameHostProxyIsLimitedPerForwardedClientAndADirectClientCannotSpoofIt() async throws {
        // Given the intake with the default configuration (60 POSTs a minute, bursts of 30; no trust_forwarded_for)
        let setup = try EndToEndRoot("proxy")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        let serve = try await setup.cli.startServe()
        defer { serve.stop() }

        // When the proxy (127.0.0.1) forwards 50 POSTs of one client at once
        let proxied = try await Self.post(serve.base, count: 50, from: "127.0.0.1") { _ in "10.9.9.9, 203.0.113.9" }
        // Then that client is slowed after its burst of 30 (not slowed: 20 tokens refilled, which takes 20 seconds)
        #expect(proxied.filter { $0 != 429 }.count >= 30, "\(proxied)")
        #expect(proxied.contains(429), "\(proxied)")
        // And another client behind the same proxy is not, nor is this machine itself (no header)
        #expect(try await Self.post(serve.base, count: 1, from: "127.0.0.1") { _ in "198.51.100.7" } != [429])
        #expect(try await Self.post(serve.base, count: 1, from: "127.0.0.1") { _ in nil } != [429])

        // When a client that connects directly (127.0.0.2: not the proxy) names another address in each request
        let direct = try await Self.post(serve.base, count: 50, from: "127.0.0.2") { "192.0.2.\($0 + 1)" }
        // Then its header is ignored: it is limited as itself
        #expect(direct.filter { $0 != 429 }.count >= 30, "\(direct)")
        #expect(direct.contains(429), "\(direct)")
        #expect(serve.process.isRunning)
    }
}
