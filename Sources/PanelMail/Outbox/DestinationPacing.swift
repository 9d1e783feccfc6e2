import Foundation

/// How fast each large mailbox provider gets our mail, and how much a new sending domain sends a day while it
/// warms up (issue 15, item 7): a national round must not hand one provider 20,000 messages in 20 seconds, and a
/// domain with no sending history is trusted only after weeks of growing, steady volume.
///
/// Pure policy: which provider an address belongs to, at what rate, and the day's limit. `DestinationPacer`
/// applies the rates during a delivery pass; `DeliveryPass` applies the day's limit.
public struct DestinationPacing: Sendable, Equatable {
    /// One provider: the domains its mailboxes use and the messages per minute it gets from us.
    public struct Provider: Sendable, Equatable {
        public var name: String
        public var domains: Set<String>
        public var perMinute: Double

        public init(name: String, domains: Set<String>, perMinute: Double) {
            self.name = name
            self.domains = Set(domains.map { $0.lowercased() })
            self.perMinute = perMinute
        }
    }

    /// A new sending domain's growing daily limit: `firstDay` messages on the day of `start`, times `growth` each
    /// following day, until the limit reaches `until` — from then on no limit.
    public struct WarmUp: Sendable, Equatable {
        public var start: Date
        public var firstDay: Int
        public var growth: Double
        public var until: Int

        public init(start: Date, firstDay: Int = 200, growth: Double = 1.5, until: Int = 100_000) {
            self.start = start
            self.firstDay = max(1, firstDay)
            self.growth = max(1, growth)
            self.until = max(self.firstDay, until)
        }

        /// The most messages that may be sent on the (local) day of `date`; nil once the warm-up is over.
        public func dailyLimit(on date: Date, timeZone: TimeZone) -> Int? {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let days =
                calendar.dateComponents(
                    [.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: date)
                ).day ?? 0
            guard days >= 0 else { return 0 }  // before the start: nothing yet
            let limit = Double(firstDay) * pow(growth, Double(days))
            return limit >= Double(until) ? nil : Int(limit)
        }
    }

    public var providers: [Provider]
    public var warmUp: WarmUp?

    public init(providers: [Provider] = [], warmUp: WarmUp? = nil) {
        self.providers = providers
        self.warmUp = warmUp
    }

    /// The provider of `address` (by its domain, case-insensitive), if it is one we pace.
    public func provider(for address: String) -> Provider? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return providers.first { $0.domains.contains(domain) }
    }

    /// The large providers of Dutch residents' mailboxes and the domains they receive for. A configuration names a
    /// provider by these keys to set its rate; `[smtp.pacing]` may also add domains.
    public static let knownDomains: [String: Set<String>] = [
        "gmail": ["gmail.com", "googlemail.com"],
        "outlook": ["outlook.com", "outlook.nl", "hotmail.com", "hotmail.nl", "live.com", "live.nl", "msn.com"],
        "yahoo": ["yahoo.com", "yahoo.nl", "ymail.com", "rocketmail.com"],
        "kpn": ["kpnmail.nl", "kpnplanet.nl", "planet.nl", "hetnet.nl", "telfort.nl"],
        "ziggo": ["ziggo.nl", "home.nl", "casema.nl", "chello.nl", "quicknet.nl", "zeelandnet.nl", "upcmail.nl"],
        "apple": ["icloud.com", "me.com", "mac.com"],
    ]
}

/// The provider rates of one delivery pass: a `TokenBucket` per paced provider, shared by all connections, so
/// together they send a provider at most its rate. A worker waits for its message's provider; mail to other
/// domains is not limited here (the relay's overall `ratePerSecond` still applies).
///
/// `Sendable`: the buckets are made once and are thread-safe themselves.
final class DestinationPacer: Sendable {
    let pacing: DestinationPacing
    private let buckets: [String: TokenBucket]

    init?(_ pacing: DestinationPacing) {
        guard !pacing.providers.isEmpty else { return nil }
        self.pacing = pacing
        var buckets: [String: TokenBucket] = [:]
        for provider in pacing.providers where provider.perMinute > 0 {
            buckets[provider.name] = TokenBucket(rate: provider.perMinute / 60)
        }
        self.buckets = buckets
    }

    /// How long a message to `address` must wait at monotonic time `now` (seconds), its slot taken.
    func reserve(for address: String, at now: Double) -> Double {
        guard let provider = pacing.provider(for: address), let bucket = buckets[provider.name] else { return 0 }
        return bucket.reserve(at: now)
    }

    /// Waits until a message to `address` may go.
    func take(for address: String) {
        let wait = reserve(for: address, at: TokenBucket.monotonicNow())
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }
}

extension DestinationPacing {
    /// The pacing of `[smtp.pacing]` (provider name → messages per minute; names from `knownDomains`) and
    /// `[smtp.warm_up]` (`start` as YYYY-MM-DD, a local day in `timeZone`).
    public static func configured(
        perMinute: [String: Double], warmUpStart: String?, firstDay: Int? = nil, growth: Double? = nil,
        until: Int? = nil, timeZone: TimeZone
    ) throws(PacingConfigurationError) -> DestinationPacing {
        var providers: [Provider] = []
        for (name, rate) in perMinute.sorted(by: { $0.key < $1.key }) {
            guard let domains = knownDomains[name.lowercased()] else {
                throw .unknownProvider(name, known: knownDomains.keys.sorted())
            }
            guard rate > 0, rate.isFinite else { throw .rate(name) }
            providers.append(Provider(name: name.lowercased(), domains: domains, perMinute: rate))
        }
        var warmUp: WarmUp?
        if let warmUpStart {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = warmUpStart.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3,
                let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                calendar.component(.day, from: start) == parts[2]
            else { throw .start(warmUpStart) }
            if let firstDay, firstDay < 1 { throw .warmUp("first_day must be at least 1") }
            if let growth, !(growth >= 1 && growth <= 10) { throw .warmUp("growth must be from 1 to 10") }
            warmUp = WarmUp(start: start, firstDay: firstDay ?? 200, growth: growth ?? 1.5, until: until ?? 100_000)
        }
        return DestinationPacing(providers: providers, warmUp: warmUp)
    }
}

public enum PacingConfigurationError: Error, Equatable, CustomStringConvertible {
    case unknownProvider(String, known: [String])
    case rate(String)
    case start(String)
    case warmUp(String)

    public var description: String {
        switch self {
        case .unknownProvider(let name, let known):
            "smtp.pacing: unknown provider `\(name)`; known are \(known.joined(separator: ", "))"
        case .rate(let name): "smtp.pacing.\(name) must be a number of messages per minute above 0"
        case .start(let text): "smtp.warm_up.start `\(text)` must be a date as YYYY-MM-DD"
        case .warmUp(let reason): "smtp.warm_up: \(reason)"
        }
    }
}
