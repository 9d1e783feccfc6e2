import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Slow and oversized clients cannot hold the intake: an idle or trickling connection is closed after
/// `idle_timeout_seconds`, and a header over the limit is refused. Against the real `serve`, over TCP.
@Suite struct SlowClientEndToEndTests {
    @Test func anIdleConnectionIsClosedAndAnOversizedHeaderRefused() async throws {
        // Given the intake with the shortest idle timeout it accepts (5 s)
        let setup = try EndToEndRoot("slow")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        let config = setup.root.appendingPathComponent("tweedemening.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.contains("idle_timeout_seconds = 30"))
        try text.replacingOccurrences(of: "idle_timeout_seconds = 30", with: "idle_timeout_seconds = 5")
            .write(to: config, atomically: true, encoding: .utf8)
        let serve = try setup.cli.start(["serve", "--intake-only"])
        defer {
            serve.0.terminate()
            _ = try? setup.cli.finish(serve)
        }
        try await waitForHealth(setup.base)

        // When a client sends half a request and then nothing
        let port = setup.port
        let closedAfter = try await Task.detached {
            try Self.secondsUntilClosed(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n")
        }
        .value
        // Then the server closes the connection after the idle timeout, not before and not never
        #expect(closedAfter >= 4 && closedAfter < 15, "closed after \(closedAfter) s")

        // When a request carries a header over the 8 KB limit, it is refused (an error status or a closed connection)
        let huge = try? await HTTPClient.send(
            "GET", "\(setup.base)/healthz", headers: [("X-Padding", String(repeating: "a", count: 20_000))])
        #expect(huge.map { (400..<500).contains($0.status) } ?? true, "answered \(huge?.status ?? 0)")
        // And the intake still answers everyone else
        #expect(try await http("GET", "\(setup.base)/healthz").0 == 200)
    }

    /// Connects, sends `request`, then waits (up to 30 s) for the server to close; returns the seconds it took.
    static func secondsUntilClosed(port: Int, sending request: String) throws -> Double {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket failed") }
        defer { close(socket) }
        var wait = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("cannot connect to 127.0.0.1:\(port)") }
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, 0) == bytes.count else { throw TestFailure("send failed") }
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw TestFailure("not closed within 30 s") }
            // 0: closed; anything read (a 408, say) is followed by the close
            if count == 0 { return Date().timeIntervalSince(start) }
        }
    }
}
