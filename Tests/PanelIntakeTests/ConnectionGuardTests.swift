import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import PanelIntake

/// The connection guard on an `EmbeddedChannel`: deadlines on a clock the test moves, and the per-client share.
@Suite struct ConnectionGuardTests {
    let limits = ConnectionLimits(headerTimeout: .seconds(10), bodyTimeout: .seconds(30), perClient: 2)

    func channel(from address: String, counter: ConnectionCounter) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(
            handler: ConnectionGuard(limits: limits, counter: counter, logger: Logger(label: "test")))
        let peer = try SocketAddress(ipAddress: address, port: 40_000)
        channel.remoteAddress = peer
        channel.connect(to: peer, promise: nil)
        return channel
    }

    static let post = HTTPRequestPart.head(
        HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/v/token", headerFields: [.contentLength: "1000"]))

    @Test func aBodyTrickledAByteAtATimeIsCutOffAtItsDeadline() throws {
        // Given a connection that sent a head promising 1000 bytes
        let channel = try channel(from: "192.0.2.1", counter: ConnectionCounter(perClient: 2))
        try channel.writeInbound(Self.post)
        // When it sends one byte a second: each byte would have reset an idle timeout
        for _ in 0..<29 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(1))
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "a")))
        }
        // Then the connection is open until 30 s after the head, and closed then
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func aHeadThatNeverCompletesIsCutOffAtTheHeaderDeadline() throws {
        // Given a connection whose head has not arrived (the decoder passes nothing on until it is complete)
        let channel = try channel(from: "192.0.2.1", counter: ConnectionCounter(perClient: 2))
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(9_999))
        #expect(channel.isActive)
        // When the header deadline passes, then it is closed
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func aCompleteRequestIsLeftToTheServerAndTheIdleTimeout() throws {
        // Given a request that arrived whole
        let channel = try channel(from: "192.0.2.1", counter: ConnectionCounter(perClient: 2))
        try channel.writeInbound(Self.post)
        try channel.writeInbound(HTTPRequestPart.end(nil))
        // When the deadlines pass while the server answers, the guard does not close it
        channel.embeddedEventLoop.advanceTime(by: .seconds(120))
        #expect(channel.isActive)
        // And a next request on the kept-alive connection gets its own body deadline
        try channel.writeInbound(Self.post)
        channel.embeddedEventLoop.advanceTime(by: .seconds(30))
        #expect(!channel.isActive)
    }

    @Test func aClientBeyondItsShareIsClosedAtOnceAndOthersAreNot() throws {
        // Given two open connections from one address (its share)
        let counter = ConnectionCounter(perClient: 2)
        let first = try channel(from: "192.0.2.1", counter: counter)
        let second = try channel(from: "192.0.2.1", counter: counter)
        #expect(first.isActive && second.isActive)
        // When it opens a third, then that one is closed at once; another address is not affected
        let third = try channel(from: "192.0.2.1", counter: counter)
        #expect(!third.isActive)
        let other = try channel(from: "198.51.100.7", counter: counter)
        #expect(other.isActive)
        #expect(counter.count("192.0.2.1") == 2)
        // And once one of the two closes, the address may open another
        _ = try first.finish()
        #expect(counter.count("192.0.2.1") == 1)
        let fourth = try channel(from: "192.0.2.1", counter: counter)
        #expect(fourth.isActive)
        #expect(counter.count("192.0.2.1") == 2)
    }

    @Test func theProxyOnThisMachineIsHeldToTheTotalOnly() throws {
        // Given a share of 2 connections a client
        let counter = ConnectionCounter(perClient: 2)
        // When a proxy on this machine (127.0.0.1, ::1) opens more, then none is closed: they are its clients'
        for address in ["127.0.0.1", "127.0.0.1", "127.0.0.1", "::1", "::1", "::1", "::ffff:127.0.0.1"] {
            #expect(try channel(from: address, counter: counter).isActive, "\(address)")
        }
        // And another loopback address is a client like any other
        _ = try channel(from: "127.0.0.2", counter: counter)
        _ = try channel(from: "127.0.0.2", counter: counter)
        #expect(!(try channel(from: "127.0.0.2", counter: counter)).isActive)
    }

    @Test func anIPv6ClientIsCountedByItsSlash64() throws {
        let counter = ConnectionCounter(perClient: 2)
        _ = try channel(from: "2001:db8:1:2::1", counter: counter)
        _ = try channel(from: "2001:db8:1:2:ffff::9", counter: counter)
        #expect(!(try channel(from: "2001:db8:1:2::77", counter: counter)).isActive)
        #expect(try channel(from: "2001:db8:1:3::1", counter: counter).isActive)
        #expect(ConnectionCounter.client(of: try SocketAddress(ipAddress: "::ffff:192.0.2.9", port: 1)) == "192.0.2.9")
    }

    @Test func theTotalStaysBelowTheFileLimit() {
        // 1024 files (a common default), 20 open at start: a quarter stays free
        #expect(ConnectionLimits.totalCap(configured: 4_096, fileLimit: 1_024, openFiles: 20) == 768)
        // a small limit: what is open plus 64 stays free
        #expect(ConnectionLimits.totalCap(configured: 4_096, fileLimit: 256, openFiles: 40) == 152)
        // a large limit: the configured number
        #expect(ConnectionLimits.totalCap(configured: 4_096, fileLimit: 1_048_576, openFiles: 20) == 4_096)
        #expect(ConnectionLimits.totalCap(configured: 4_096, fileLimit: 64, openFiles: 40) == 1)
    }
}
