import Hummingbird
import NIOCore

/// The request context of the intake: the core context plus the peer's address, for the rate limit.
public struct IntakeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer; behind a reverse proxy, the proxy (then `X-Forwarded-For` is read, see `RequestGuard`).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
