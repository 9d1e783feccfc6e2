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
        let serve = try await setup.cli.startServe()
        defer { serve.stop() }

        // When a client sends half a request and then nothing
        let port = serve.port
        let closedAfter = try await Task.detached {
            try Self.secondsUntilClosed(port: port, sending: "GET /healthz HTTP/1.1\r\nHost: x\r\n")
        }
        .value
        // Then the server closes the connection after the idle timeout, not before and not never
        #expect(closedAfter >= 4 && closedAfter < 15, "closed after \(closedAfter) s")

        // When a request carries a header over the 8 KB limit, it is refused (an error status or a closed connection)
        let huge = try? await HTTPClient.send(
            "GET", "\(serve.base)/healthz", headers: [("X-Padding", String(repeating: "a", count: 20_000))])
        #expect(huge.map { (400..<500).contains($0.status) } ?? true, "answered \(huge?.status ?? 0)")
        // And the intake still answers everyone else
        #expect(try await http("GET", "\(serve.base)/healthz").0 == 200)
    }

    @Test func tricklingClientsAreCutOffAndOneAddressCannotHoldTheIntake() async throws {
        // Given the intake with short deadlines (2 s for a head, 4 s for a body) and a share of 8 connections a client
        let setup = try EndToEndRoot("trickle")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        try Self.configureHTTP(
            setup.root,
            ["header_timeout_seconds": "2", "body_timeout_seconds": "4", "max_connections_per_client": "8"])
        let serve = try await setup.cli.startServe()
        defer { serve.stop() }

        // When 12 connections from 127.0.0.4 each send a POST head promising 1000 bytes, then one byte a second —
        // which kept a connection open for ever, however short the idle timeout — and one from 127.0.0.3 trickles
        // its head a line a second
        let port = serve.port
        let head =
            "POST /v/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 1000\r\n\r\n"
        let bodies = (0..<12).map { _ in
            // (not from 127.0.0.1: that is where a proxy on this machine connects from, held to the total only)
            Task { try await Self.trickle(port: port, from: "127.0.0.4", first: head, then: "a", giveUpAfter: 20) }
        }
        let slowHead = Task {
            try await Self.trickle(
                port: port, from: "127.0.0.3", first: "POST /v/x HTTP/1.1\r\n", then: "X-Slow: 1\r\n", giveUpAfter: 20)
        }
        // Then another client's /healthz is answered all the while
        var healthy = 0
        for _ in 0..<12 {
            try await Task.sleep(for: .milliseconds(500))
            if try await HTTPClient.send("GET", "\(serve.base)/healthz", timeout: 5, from: "127.0.0.2").status == 200 {
                healthy += 1
            }
        }
        #expect(healthy == 12, "/healthz answered \(healthy) of 12 times")
        // And the four connections over the share were closed at once, the eight others at the body deadline
        var closings: [Double] = []
        for task in bodies { closings.append(try await task.value ?? .infinity) }
        closings.sort()
        #expect(closings.prefix(4).allSatisfy { $0 < 2 }, "closed after \(closings) s")
        #expect(closings.suffix(8).allSatisfy { $0 >= 3 && $0 < 10 }, "closed after \(closings) s")
        // And the head trickled a line a second was cut off at the header deadline (the idle timeout is 30 s)
        let headClosed = try await slowHead.value ?? .infinity
        #expect(headClosed >= 1 && headClosed < 5, "closed after \(headClosed) s")
        // And the intake is alive and answers 127.0.0.1 again
        #expect(serve.process.isRunning)
        #expect(try await http("GET", "\(serve.base)/healthz").0 == 200)
    }

    /// Finding 1 of the outside test: 2,000 trickling connections exhausted the file handles and the process died.
    /// With only 96 file handles, 200 trickling connections from many addresses: the process stays up (the global cap
    /// sits below the handle limit, the rest wait in the kernel's queue) and /healthz is answered.
    @Test func aFloodOfTricklingConnectionsBeyondTheFileHandlesLeavesTheIntakeAlive() async throws {
        let setup = try EndToEndRoot("flood")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        try Self.configureHTTP(setup.root, ["header_timeout_seconds": "2", "body_timeout_seconds": "3"])
        // `serve` under `ulimit -n 96`, through the shell
        var limited = setup.cli
        limited.leadingArguments = ["-c", "ulimit -n 96 && exec \"$0\" \"$@\"", setup.cli.url.path]
        limited = TweedemeningBinary(
            url: URL(fileURLWithPath: "/bin/sh"), root: setup.root, environment: setup.cli.environment,
            leadingArguments: limited.leadingArguments)
        let serve = try await limited.startServe(["serve", "--intake-only", "--root", setup.root.path])
        defer { serve.stop() }

        // When 200 connections from 20 addresses each promise a body and trickle it a byte a second
        let port = serve.port
        let head =
            "POST /v/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 1000\r\n\r\n"
        let flood = (0..<200).map { n in
            Task { try? await Self.trickle(port: port, from: "127.0.1.\(n % 20 + 1)", first: head, then: "a", giveUpAfter: 12) }
        }
        // Then /healthz from yet another address is answered while they trickle (perhaps after a wait in the queue)
        var healthy = 0
        for _ in 0..<4 {
            try await Task.sleep(for: .seconds(1))
            if (try? await HTTPClient.send("GET", "\(serve.base)/healthz", timeout: 15, from: "127.0.0.2"))?.status == 200 {
                healthy += 1
            }
        }
        for task in flood { _ = await task.value }
        #expect(healthy >= 3, "/healthz answered \(healthy) of 4 times during the flood")
        // And afterwards the process is alive and answers at once
        #expect(serve.process.isRunning)
        #expect(try await http("GET", "\(serve.base)/healthz").0 == 200)
    }

    /// Sets keys of `[http]` in the root's `tweedemening.toml` (replacing the lines `init` wrote for them, if any).
    static func configureHTTP(_ root: URL, _ settings: [String: String]) throws {
        let config = root.appendingPathComponent("tweedemening.toml")
        var lines = try String(contentsOf: config, encoding: .utf8).components(separatedBy: "\n").filter { line in
            !settings.keys.contains { line.hasPrefix($0 + " ") || line.hasPrefix($0 + "=") }
        }
        let section = try #require(lines.firstIndex(of: "[http]"))
        lines.insert(contentsOf: settings.map { "\($0.key) = \($0.value)" }, at: section + 1)
        try lines.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
    }

    /// On a thread of its own: connects from `source`, sends `first`, then `then` once a second until the server
    /// closes the connection. Returns the seconds from `first` to the close, or nil if still open after `giveUpAfter`.
    static func trickle(port: Int, from source: String, first: String, then next: String, giveUpAfter: Double)
        async throws -> Double?
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try trickleBlocking(port: port, from: source, first: first, then: next, giveUpAfter: giveUpAfter)
                    })
            }.start()
        }
    }

    static func trickleBlocking(port: Int, from source: String, first: String, then next: String, giveUpAfter: Double)
        throws -> Double?
    {
        let socket = try loopbackSocket(port: port, from: source, receiveTimeoutSeconds: 1)
        defer { close(socket) }
        let start = Date()
        var outgoing = Array(first.utf8)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while Date().timeIntervalSince(start) < giveUpAfter {
            // MSG_NOSIGNAL: a closed connection is an error here, not a SIGPIPE for the test process
            if send(socket, outgoing, outgoing.count, Int32(MSG_NOSIGNAL)) < 0 { return Date().timeIntervalSince(start) }
            outgoing = Array(next.utf8)
            let sent = Date()
            // read for a second: 0 is the close (anything read, a 408 say, is followed by it); a timeout: still open
            while Date().timeIntervalSince(sent) < 1 {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    return Date().timeIntervalSince(start)
                }
            }
        }
        return nil
    }

    /// Connects, sends `request`, then waits (up to 30 s) for the server to close; returns the seconds it took.
    static func secondsUntilClosed(port: Int, sending request: String) throws -> Double {
        let socket = try loopbackSocket(port: port)
        defer { close(socket) }
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
