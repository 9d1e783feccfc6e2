import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTPTypes
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long a client may take to send a request, and how many connections it may hold.
public struct ConnectionLimits: Sendable {
    /// From the connection's start to the first request's complete head. (Between requests on a kept-alive
    /// connection the idle timeout applies; a partial head does not reset it.)
    public var headerTimeout: TimeAmount
    /// From a request's head to the end of its body, however steadily the bytes come.
    public var bodyTimeout: TimeAmount
    /// Open connections per client address (an IPv6 client: per /64); 0: no limit.
    public var perClient: Int
    /// Open connections in all: at this many the server stops accepting until one closes.
    public var total: Int

    public init(
        headerTimeout: TimeAmount = .seconds(10), bodyTimeout: TimeAmount = .seconds(30), perClient: Int = 128,
        total: Int = 4_096
    ) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.perClient = perClient
        self.total = total
    }

    /// The most connections that fit under a file limit of `fileLimit` with `openFiles` already open: a reserve stays
    /// free for the database, the spool, SMTP and whatever a tick opens — a quarter of the limit, or what is open now
    /// plus 64, whichever is more. At least 1.
    public static func totalCap(configured: Int, fileLimit: Int, openFiles: Int) -> Int {
        let reserve = max(fileLimit / 4, openFiles + 64)
        return max(1, min(configured, fileLimit - reserve))
    }

    /// This process's soft limit on open files (RLIMIT_NOFILE) and the number open now; nil where unknown.
    public static func fileLimitAndOpenFiles() -> (limit: Int, open: Int)? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        let soft = Int(clamping: limit.rlim_cur)  // RLIM_INFINITY, all ones, becomes Int.max
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return (soft, open)
    }
}

/// Connections per client address, shared by every connection's `ConnectionGuard`.
public final class ConnectionCounter: Sendable {
    /// 0: no limit.
    public let perClient: Int
    private let open = Mutex<[String: Int]>([:])

    public init(perClient: Int) {
        self.perClient = perClient
    }

    /// Counts a new connection from `client`; false (and not counted) when the client already holds its share.
    func admit(_ client: String) -> Bool {
        open.withLock { open in
            let count = open[client, default: 0]
            guard perClient <= 0 || count < perClient else { return false }
            open[client] = count + 1
            return true
        }
    }

    func release(_ client: String) {
        open.withLock { open in
            let count = open[client, default: 0]
            open[client] = count > 1 ? count - 1 : nil
        }
    }

    /// Open connections of `client` now (for tests).
    func count(_ client: String) -> Int { open.withLock { $0[client, default: 0] } }

    /// Whom a connection counts against: the IPv4 address, or an IPv6 address's /64 (one subscriber's network;
    /// an IPv4-mapped address is its IPv4 address). nil: not counted — not an IP peer (a Unix socket), or the proxy
    /// on this machine (`IntakeLimits.isLocalProxy`), whose connections are all its clients': their shares are the
    /// proxy's to enforce (nginx `limit_conn`), and only the total applies to it.
    static func client(of address: SocketAddress?) -> String? {
        switch address {
        case .v4(let v4):
            let client = SocketAddress.v4(v4).ipAddress
            return IntakeLimits.isLocalProxy(client) ? nil : client
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }), bytes[15] == 1 { return nil }  // ::1, the local proxy
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
                let client = bytes[12...].map(String.init).joined(separator: ".")
                return IntakeLimits.isLocalProxy(client) ? nil : client
            }
            return stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":") + "::/64"
        default:
            return nil
        }
    }
}

/// One connection's guard against slow and greedy clients, after the HTTP decoder: a connection over its client's
/// share is closed at once; a request head not complete within `headerTimeout` of the connection's start, or a body
/// not complete within `bodyTimeout` of its head, closes the connection. These are deadlines: unlike the idle timeout,
/// a byte now and then does not move them.
public final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart

    /// Why the guard closed a connection.
    public enum Closing: String, Sendable {
        case perClient = "per_client"
        case headerDeadline = "header_deadline"
        case bodyDeadline = "body_deadline"
    }

    let limits: ConnectionLimits
    let counter: ConnectionCounter
    let logger: Logger
    let closed: @Sendable (Closing) -> Void
    private var started = false
    private var client: String?
    private var deadline: Scheduled<Void>?

    /// `closed` is told each connection the guard closes (for a metric).
    public init(
        limits: ConnectionLimits, counter: ConnectionCounter, logger: Logger,
        closed: @escaping @Sendable (Closing) -> Void = { _ in }
    ) {
        self.limits = limits
        self.counter = counter
        self.logger = logger
        self.closed = closed
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    public func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            schedule(context, in: limits.bodyTimeout, .bodyDeadline)
        case .body:
            break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        if let client = ConnectionCounter.client(of: context.channel.remoteAddress) {
            guard counter.admit(client) else {
                close(context, .perClient)
                return
            }
            self.client = client
        }
        schedule(context, in: limits.headerTimeout, .headerDeadline)
    }

    private func stop() {
        deadline?.cancel()
        deadline = nil
        if let client {
            counter.release(client)
            self.client = nil
        }
    }

    private func schedule(_ context: ChannelHandlerContext, in amount: TimeAmount, _ reason: Closing) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { [self] in
            deadline = nil
            close(context, reason)
        }
    }

    private func close(_ context: ChannelHandlerContext, _ reason: Closing) {
        logger.debug("http.connection.closed", metadata: ["http.reason": "\(reason.rawValue)"])
        closed(reason)
        context.close(promise: nil)
    }
}
