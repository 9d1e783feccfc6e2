import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Against the real `serve`: a POST must be a form (one without a content type too), and a browser's form from
/// another site is refused, except RFC 8058's one-click unsubscribe.
@Suite struct FormPostEndToEndTests {
    @Test func aPostWithoutContentTypeOrFromAnotherSiteIsRefused() async throws {
        // Given the intake
        let setup = try EndToEndRoot("forms")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        let serve = try await setup.cli.startServe()
        defer { serve.stop() }
        let port = serve.port

        // When a POST carries no Content-Type at all, then it is refused with 415
        let untyped = try await Self.exchange(
            port: port, "POST /v/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        #expect(untyped.status == 415, "\(untyped)")
        // When a browser posts a form from another site, then it is refused with 403 and a page that says so
        let crossSite = try await HTTPClient.send(
            "POST", "\(serve.base)/v/x", headers: [("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example")])
        #expect(crossSite.status == 403 && crossSite.body.contains("komt niet van De Tweede Mening"), "\(crossSite.status)")
        // And our own form, as a browser posts it under our no-referrer policy, reaches the route (a malformed link: 400)
        let own = try await HTTPClient.send(
            "POST", "\(serve.base)/v/x", headers: [("Sec-Fetch-Site", "same-origin"), ("Origin", "null")])
        #expect(own.status == 400, "\(own.status)")
        // And RFC 8058's one-click POST from a webmail's page reaches the unsubscribe route
        let oneClick = try await HTTPClient.send(
            "POST", "\(serve.base)/u/x", headers: [("Sec-Fetch-Site", "cross-site"), ("Origin", "https://webmail.example")],
            body: Array("List-Unsubscribe=One-Click".utf8))
        #expect(oneClick.status == 400, "\(oneClick.status)")
    }

    /// Sends `request` as it is (no header added) and returns the status and body of the answer.
    static func exchange(port: Int, _ request: String) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try exchangeBlocking(port: port, request) })
            }.start()
        }
    }

    static func exchangeBlocking(port: Int, _ request: String) throws -> (status: Int, body: String) {
        let socket = try loopbackSocket(port: port)
        defer { close(socket) }
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw TestFailure("send failed") }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            answer += buffer.prefix(count)
        }
        let text = String(decoding: answer, as: UTF8.self)
        let fields = text.prefix { $0 != "\r" }.split(separator: " ")
        guard fields.count >= 2, let status = Int(fields[1]) else { throw TestFailure("no HTTP answer: \(text)") }
        return (status, text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
    }
}
