import Foundation

/// How many SMTP connections a delivery pass uses, when it replaces them, and how fast it may send.
public struct DeliverySettings: Sendable, Equatable, CustomStringConvertible {
    /// Parallel SMTP connections, one worker thread each (at least 1).
    public var connections: Int
    /// A connection is closed (QUIT) and opened afresh after this many messages, as MTAs do, so one long
    /// session never holds a relay's per-session limits or a stale TLS session.
    public var recycleAfterMessages: Int
    /// … or after it has been open this many seconds.
    public var recycleAfterSeconds: TimeInterval
    /// Messages per second over all connections together, for relays that demand a limit; nil: as fast as
    /// the relay takes them.
    public var ratePerSecond: Double?
    /// Per-provider rates and a new domain's warm-up (`[smtp.pacing]`); empty: none.
    public var pacing: DestinationPacing

    public init(
        connections: Int = 4, recycleAfterMessages: Int = 1_000, recycleAfterSeconds: TimeInterval = 300,
        ratePerSecond: Double? = nil, pacing: DestinationPacing = DestinationPacing()
    ) {
        self.connections = max(1, connections)
        self.recycleAfterMessages = max(1, recycleAfterMessages)
        self.recycleAfterSeconds = max(1, recycleAfterSeconds)
        self.ratePerSecond = ratePerSecond.flatMap { $0 > 0 ? $0 : nil }
        self.pacing = pacing
    }

    public var description: String {
        var text =
            "DeliverySettings(connections: \(connections), recycle after \(recycleAfterMessages) messages or "
            + "\(Int(recycleAfterSeconds))s"
        if let ratePerSecond { text += ", at most \(ratePerSecond) msg/s" }
        for provider in pacing.providers { text += ", \(provider.name) \(provider.perMinute)/min" }
        if pacing.warmUp != nil { text += ", warming up" }
        return text + ")"
    }
}
