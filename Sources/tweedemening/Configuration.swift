import Foundation
import MailFormat
import PanelCore
import PanelIntake
import PanelMail
import PanelStore
import TOMLKit

/// `tweedemening.toml` as written on disk. Every field is optional: defaults fill the gaps.
struct ConfigFile: Decodable {
    struct Mail: Decodable {
        var from: String?
        var return_path: String?
        var smtp_url: String?
        var smtp_starttls: Bool?
        var smtp_user: String?
        var smtp_password_file: String?
        var smtp_verify_tls: Bool?
        var retry_expire_days: Number?
        var sending_window: String?
        var time_zone: String?
    }
    /// `[smtp]`: how delivery uses the relay (the relay itself is `[mail] smtp_url`).
    struct SMTPSection: Decodable {
        var connections: Int?
        var rate_per_second: Number?
        var recycle_after_messages: Int?
        var recycle_after_seconds: Number?
        var stall_timeout_seconds: Int?
        /// Provider name → messages per minute (`DestinationPacing.knownDomains`).
        var pacing: [String: Number]?
        var warm_up: WarmUp?
    }
    /// `[smtp.warm_up]`: a new sending domain's growing daily limit.
    struct WarmUp: Decodable {
        var start: String?
        var first_day: Int?
        var growth: Number?
        var until: Int?
    }
    struct HTTP: Decodable {
        var base_url: String?
        var listen: String?
        var metrics_listen: String?
        var posts_per_minute: Int?
        var trust_forwarded_for: Bool?
        var idle_timeout_seconds: Int?
        var header_timeout_seconds: Int?
        var body_timeout_seconds: Int?
        var max_connections: Int?
        var max_connections_per_client: Int?
    }
    struct TimelineSection: Decodable {
        var vote_opens_after_days: Number?
        var deadline_after_days: Number?
        var vote_reminder_hours_before_deadline: Number?
    }
    struct Discussion: Decodable {
        var digest_every_days: Number?
        var extension_days: Int?
    }
    struct Inbound: Decodable {
        var reply_domain: String?
        var moderator: String?
        var secret_file: String?
        var cases_address: String?
        var join_address: String?
        var authserv_id: String?
    }
    struct Privacy: Decodable {
        var retention_days: Int?
    }
    struct PanelSection: Decodable {
        var max_open_rounds: Int?
    }
    struct VerdictSection: Decodable {
        var quorum: Int?
        var follow_up_reminder_days: Number?
    }
    struct Serve: Decodable {
        var tick_interval_seconds: Int?
    }
    /// TOML keeps integers and floats apart; a setting like `deadline_after_days` accepts either.
    struct Number: Decodable {
        var value: Double
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let integer = try? container.decode(Int.self) {
                value = Double(integer)
            } else {
                value = try container.decode(Double.self)
            }
        }
    }
    var database: String?
    /// `"litestream"` when Litestream replicates the database (it then owns the WAL checkpoints).
    var replication: String?
    var spool: String?
    var language: String?
    var mail: Mail?
    var smtp: SMTPSection?
    var http: HTTP?
    var timeline: TimelineSection?
    /// Named timelines: `[timelines.kort]` with the keys of `[timeline]`.
    var timelines: [String: TimelineSection]?
    var panel: PanelSection?
    var privacy: Privacy?
    var discussion: Discussion?
    var inbound: Inbound?
    var verdict: VerdictSection?
    var serve: Serve?
}

/// The settings in force: file, then environment, then defaults. Secrets stay out of `description`.
struct Configuration {
    var root: URL
    var databasePath: String
    /// Who else copies the database, and so checkpoints it.
    var replication: Replication
    var spoolPath: String
    var language: String
    var from: MailAddress
    var returnPath: String?
    var smtp: SMTPSettings
    var delivery: DeliverySettings
    var retryExpireDays: Double
    var sendingWindow: SendingWindow
    /// The panel's time zone: of the sending window and of dates written in mail.
    var timeZone: TimeZone
    var baseURL: String
    var listenHost: String
    var listenPort: Int
    /// Where `serve` answers `GET /metrics`, apart from the intake; nil: nowhere.
    var metricsListen: (host: String, port: Int)?
    /// POSTs per client per minute, and whether a proxy's X-Forwarded-For names the client.
    var intakeLimits: IntakeLimits
    /// Seconds a connection may sit idle before it is closed.
    var idleTimeout: Int
    /// Deadlines for a request's head and body, and connection caps (the total before the file limit is applied).
    var connectionLimits: ConnectionLimits
    var timelineDefaults: TimelineDefaults
    /// Named timelines by name: the built-in `standaard` (= `[timeline]`), `kort`, `lang`, and `[timelines.NAME]`.
    var timelines: [String: TimelineDefaults]
    var discussionPlan: DiscussionPlan
    /// Where municipalities mail cases; and whose Authentication-Results count.
    var casesAddress: String
    /// Where residents mail their invitation code.
    var joinAddress: String
    var authservID: String?

    /// Days the moderator's one-click extension adds when questions come late.
    var extensionDays: Int
    /// Domain of `reply+token@…` addresses; the MTA pipes it to `inbound deliver`.
    var replyDomain: String
    /// Where held arguments are sent for review; nil: the moderator reviews with `tweedemening` only.
    var moderatorAddress: String?
    /// Shared secret for `POST /inbound`; nil disables the route.
    var inboundSecret: String?
    var tickInterval: Int
    /// Days after a round closes that its raw mail and addresses are kept.
    var retentionDays: Int

    static let fileName = "tweedemening.toml"
    static let keyFileName = "signing.key"

    var keyFilePath: String { root.appendingPathComponent(Self.keyFileName).path }

    static func load(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        let path = root.appendingPathComponent(fileName).path
        var file = ConfigFile()
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError.config("cannot read \(path)")
            }
            do {
                file = try TOMLDecoder().decode(ConfigFile.self, from: text)
            } catch let error as TOMLParseError {
                throw CLIError.config("\(path): \(error.source.begin.debugDescription): \(error.description)")
            } catch {
                throw CLIError.config("\(path): \(error)")
            }
        }
        func resolve(_ value: String) -> String {
            value.hasPrefix("/") ? value : root.appendingPathComponent(value).path
        }
        let env = { (name: String) -> String? in
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        let replicationText = file.replication ?? Replication.none.rawValue
        guard let replication = Replication(rawValue: replicationText) else {
            throw CLIError.config(
                "replication `\(replicationText)` must be \"none\" or \"litestream\" (docs/operations.md, Replication)")
        }
        let fromText = env("TWEEDEMENING_FROM") ?? file.mail?.from ?? "De Tweede Mening <panel@tweedemening.example>"
        guard let from = MailAddress(parsing: fromText) else {
            throw CLIError.config(
                "sender address `\(fromText)` is not valid; set mail.from in \(fileName) or TWEEDEMENING_FROM, e.g. \"De Tweede Mening <panel@example.nl>\""
            )
        }
        var password = env("TWEEDEMENING_SMTP_PASSWORD")
        if password == nil, let passwordFile = file.mail?.smtp_password_file, !passwordFile.isEmpty {
            guard let text = try? String(contentsOfFile: resolve(passwordFile), encoding: .utf8) else {
                throw CLIError.config("cannot read the SMTP password file \(resolve(passwordFile))")
            }
            password = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let smtpURL = env("TWEEDEMENING_SMTP_URL") ?? file.mail?.smtp_url ?? "smtp://127.0.0.1:25"
        guard smtpURL.hasPrefix("smtp://") || smtpURL.hasPrefix("smtps://") else {
            throw CLIError.config("SMTP URL `\(smtpURL)` must start with smtp:// or smtps://")
        }
        var delivery = DeliverySettings()
        if let text = env("TWEEDEMENING_SMTP_CONNECTIONS") {
            guard let connections = Int(text), (1...64).contains(connections) else {
                throw CLIError.config("TWEEDEMENING_SMTP_CONNECTIONS=`\(text)` must be a whole number from 1 to 64")
            }
            delivery.connections = connections
        } else if let connections = file.smtp?.connections {
            guard (1...64).contains(connections) else { throw CLIError.config("smtp.connections must be 1 to 64") }
            delivery.connections = connections
        }
        if let rate = file.smtp?.rate_per_second?.value {
            guard rate > 0 else { throw CLIError.config("smtp.rate_per_second must be above 0 (leave it out for no limit)") }
            delivery.ratePerSecond = rate
        }
        do {
            delivery.pacing = try DestinationPacing.configured(
                perMinute: (file.smtp?.pacing ?? [:]).mapValues(\.value), warmUpStart: file.smtp?.warm_up?.start,
                firstDay: file.smtp?.warm_up?.first_day, growth: file.smtp?.warm_up?.growth?.value,
                until: file.smtp?.warm_up?.until,
                timeZone: TimeZone(identifier: file.mail?.time_zone ?? TimeZone.panelDefault.identifier) ?? .panelDefault)
        } catch {
            throw CLIError.config(error.description)
        }
        if let messages = file.smtp?.recycle_after_messages {
            delivery.recycleAfterMessages = try Self.bounded(messages, "smtp.recycle_after_messages", 1...1_000_000)
        }
        if let seconds = file.smtp?.recycle_after_seconds?.value {
            delivery.recycleAfterSeconds = try Self.bounded(seconds, "smtp.recycle_after_seconds", 1...86_400)
        }
        let stallTimeout = try Self.bounded(file.smtp?.stall_timeout_seconds ?? 30, "smtp.stall_timeout_seconds", 5...3_600)
        let listen = env("TWEEDEMENING_LISTEN") ?? file.http?.listen ?? "127.0.0.1:8080"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw CLIError.config("listen address `\(listen)` must be HOST:PORT, e.g. 127.0.0.1:8080")
        }
        let metricsListen = try Self.metricsListen(
            env("TWEEDEMENING_METRICS_LISTEN") ?? file.http?.metrics_listen ?? "127.0.0.1:9464", intake: listen)
        let baseURL = env("TWEEDEMENING_BASE_URL") ?? file.http?.base_url ?? "http://127.0.0.1:8080"
        try Self.checkBaseURL(baseURL, allowInsecure: environment["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] == "1")
        let zoneName = file.mail?.time_zone ?? TimeZone.panelDefault.identifier
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw CLIError.config("time zone `\(zoneName)` is unknown; use a name such as Europe/Amsterdam")
        }
        let windowText = env("TWEEDEMENING_SENDING_WINDOW") ?? file.mail?.sending_window ?? "08:00-20:00"
        guard let window = SendingWindow.parse(windowText, timeZone: timeZone) else {
            throw CLIError.config("sending window `\(windowText)` must be HH:MM-HH:MM (e.g. 08:00-20:00) or `always`")
        }
        var timeline = TimelineDefaults()
        if let days = file.timeline?.vote_opens_after_days { timeline.voteOpensAfterDays = days.value }
        if let days = file.timeline?.deadline_after_days { timeline.deadlineAfterDays = days.value }
        if let hours = file.timeline?.vote_reminder_hours_before_deadline {
            timeline.voteReminderHoursBeforeDeadline = hours.value
        }
        var timelines = Dictionary(uniqueKeysWithValues: TimelineTemplate.builtIn.map { ($0.name, $0.defaults) })
        timelines[TimelineTemplate.defaultName] = timeline
        for (name, section) in file.timelines ?? [:] {
            guard name.range(of: "^[a-z0-9-]{1,32}$", options: .regularExpression) != nil else {
                throw CLIError.config("timeline name `\(name)` must be lowercase letters, digits or - (e.g. [timelines.kort])")
            }
            var defaults = timelines[name] ?? timeline
            if let days = section.vote_opens_after_days { defaults.voteOpensAfterDays = days.value }
            if let days = section.deadline_after_days { defaults.deadlineAfterDays = days.value }
            if let hours = section.vote_reminder_hours_before_deadline {
                defaults.voteReminderHoursBeforeDeadline = hours.value
            }
            guard defaults.deadlineAfterDays > defaults.voteOpensAfterDays, defaults.voteOpensAfterDays >= 0 else {
                throw CLIError.config(
                    "[timelines.\(name)]: deadline_after_days must be larger than vote_opens_after_days")
            }
            timelines[name] = defaults
        }
        let replyDomain =
            env("TWEEDEMENING_REPLY_DOMAIN") ?? file.inbound?.reply_domain
            ?? from.domain
        let moderator = env("TWEEDEMENING_MODERATOR") ?? file.inbound?.moderator.flatMap { $0.isEmpty ? nil : $0 }
        if let moderator, !EmailAddress.isPlausible(moderator) {
            throw CLIError.config("moderator address `\(moderator)` is not a valid e-mail address (inbound.moderator)")
        }
        var inboundSecret = env("TWEEDEMENING_INBOUND_SECRET")
        if inboundSecret == nil, let secretFile = file.inbound?.secret_file, !secretFile.isEmpty {
            guard let text = try? String(contentsOfFile: resolve(secretFile), encoding: .utf8) else {
                throw CLIError.config("cannot read the inbound secret file \(resolve(secretFile))")
            }
            inboundSecret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let casesAddress = (file.inbound?.cases_address.flatMap { $0.isEmpty ? nil : $0 } ?? "zaken@\(replyDomain)").lowercased()
        guard EmailAddress.isPlausible(casesAddress) else {
            throw CLIError.config("cases address `\(casesAddress)` is not a valid e-mail address (inbound.cases_address)")
        }
        let joinAddress = (file.inbound?.join_address.flatMap { $0.isEmpty ? nil : $0 } ?? "aanmelden@\(replyDomain)")
            .lowercased()
        guard EmailAddress.isPlausible(joinAddress), joinAddress != casesAddress else {
            throw CLIError.config(
                "join address `\(joinAddress)` must be a valid e-mail address other than the cases address (inbound.join_address)"
            )
        }
        if let secret = inboundSecret, secret.count < 16 {
            throw CLIError.config("the inbound secret must be at least 16 characters")
        }
        return Configuration(
            root: root,
            databasePath: resolve(file.database ?? "tweedemening.sqlite"),
            replication: replication,
            spoolPath: resolve(file.spool ?? "Queue"),
            language: file.language ?? "nl",
            from: from,
            returnPath: file.mail?.return_path,
            smtp: SMTPSettings(
                url: smtpURL,
                requireStartTLS: file.mail?.smtp_starttls ?? false,
                username: env("TWEEDEMENING_SMTP_USER") ?? file.mail?.smtp_user.flatMap { $0.isEmpty ? nil : $0 },
                password: password,
                verifyPeer: file.mail?.smtp_verify_tls ?? true, stallTimeout: stallTimeout),
            delivery: delivery,
            retryExpireDays: try Self.bounded(file.mail?.retry_expire_days?.value ?? 3, "mail.retry_expire_days", 0.01...30),
            sendingWindow: window,
            timeZone: timeZone,
            baseURL: baseURL,
            listenHost: String(listen[..<colon]),
            listenPort: port,
            metricsListen: metricsListen,
            intakeLimits: IntakeLimits(
                postsPerMinute: try Self.bounded(file.http?.posts_per_minute ?? 60, "http.posts_per_minute", 0...1_000_000),
                burst: 30,
                trustForwardedFor: file.http?.trust_forwarded_for ?? false),
            idleTimeout: try Self.bounded(file.http?.idle_timeout_seconds ?? 30, "http.idle_timeout_seconds", 5...300),
            connectionLimits: ConnectionLimits(
                headerTimeout: .seconds(
                    Int64(try Self.bounded(file.http?.header_timeout_seconds ?? 10, "http.header_timeout_seconds", 1...120))),
                bodyTimeout: .seconds(
                    Int64(try Self.bounded(file.http?.body_timeout_seconds ?? 30, "http.body_timeout_seconds", 1...600))),
                perClient: try Self.bounded(
                    file.http?.max_connections_per_client ?? 128, "http.max_connections_per_client", 0...1_000_000),
                total: try Self.bounded(file.http?.max_connections ?? 4_096, "http.max_connections", 1...1_000_000)),
            timelineDefaults: timeline,
            timelines: timelines,
            discussionPlan: DiscussionPlan(
                digestInterval: try Self.bounded(
                    file.discussion?.digest_every_days?.value ?? 3, "discussion.digest_every_days", 0.01...60) * 86_400,
                followUpReminderAfter: try Self.bounded(
                    file.verdict?.follow_up_reminder_days?.value ?? 14, "verdict.follow_up_reminder_days", 1...365) * 86_400,
                quorum: try Self.bounded(file.verdict?.quorum ?? 30, "verdict.quorum", 1...1_000_000),
                maxOpenRounds: try Self.bounded(file.panel?.max_open_rounds ?? 3, "panel.max_open_rounds", 0...1_000),
                timeZone: timeZone),
            casesAddress: casesAddress,
            joinAddress: joinAddress,
            authservID: file.inbound?.authserv_id.flatMap { $0.isEmpty ? nil : $0.lowercased() },
            extensionDays: try Self.bounded(file.discussion?.extension_days ?? 3, "discussion.extension_days", 1...30),
            replyDomain: replyDomain,
            moderatorAddress: moderator?.lowercased(),
            inboundSecret: inboundSecret,
            tickInterval: try Self.bounded(file.serve?.tick_interval_seconds ?? 60, "serve.tick_interval_seconds", 1...86_400),
            retentionDays: try Self.bounded(file.privacy?.retention_days ?? 365, "privacy.retention_days", 30...3_650))
    }

    /// A number from the file within what makes sense, or an error that names the key and the range: a bad value is
    /// never quietly replaced by another.
    static func bounded<T: Comparable & CustomStringConvertible>(_ value: T, _ key: String, _ range: ClosedRange<T>) throws -> T {
        guard range.contains(value) else {
            throw CLIError.config(
                "\(key) = \(value) is out of range: give a value from \(range.lowerBound) to \(range.upperBound) in tweedemening.toml"
            )
        }
        return value
    }

    /// `http.metrics_listen`: HOST:PORT, or `off` (or empty) for no metrics listener. Never the intake's own address:
    /// the public listener does not serve /metrics.
    static func metricsListen(_ text: String, intake: String) throws -> (host: String, port: Int)? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.lowercased() == "off" { return nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port)
        else {
            throw CLIError.config("metrics_listen `\(text)` must be HOST:PORT, e.g. 127.0.0.1:9464, or off")
        }
        guard text != intake else {
            throw CLIError.config("metrics_listen must differ from listen (`\(intake)`): /metrics is not for the public")
        }
        return (String(text[..<colon]), port)
    }

    static let defaultFile = """
        # De Tweede Mening — configuration.
        # Precedence: an environment variable over this file, this file over the built-in default. Variables:
        # TWEEDEMENING_SMTP_URL, _SMTP_USER, _SMTP_PASSWORD, _SMTP_CONNECTIONS, _FROM, _BASE_URL, _LISTEN,
        # _METRICS_LISTEN, _SENDING_WINDOW, _REPLY_DOMAIN, _MODERATOR, _INBOUND_SECRET (TWEEDEMENING_ROOT picks the
        # folder; TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1 allows a loopback base_url for a demo or test).
        # Relative paths are relative to this folder. docs/operations.md explains every setting.

        database = "tweedemening.sqlite"
        # replication = "litestream"                      # Litestream replicates the database and does its checkpoints
        spool = "Queue"
        language = "nl"

        [mail]
        from = "De Tweede Mening <panel@tweedemening.example>"
        # return_path = "bounces@tweedemening.example"   # SMTP envelope sender; default: the from address
        smtp_url = "smtp://127.0.0.1:25"                  # smtps://host:465 for implicit TLS
        smtp_starttls = false                             # true: require STARTTLS on smtp://host:587
        smtp_user = ""
        # smtp_password_file = "/etc/tweedemening/smtp-password"   # or TWEEDEMENING_SMTP_PASSWORD
        smtp_verify_tls = true
        retry_expire_days = 3                             # a message deferred this long fails
        sending_window = "08:00-20:00"                    # local hours for delivery; "always" to disable
        time_zone = "Europe/Amsterdam"

        [smtp]
        connections = 4                                   # parallel connections to the relay; or TWEEDEMENING_SMTP_CONNECTIONS
        # rate_per_second = 10                            # for relays that demand a rate limit
        recycle_after_messages = 1000                     # a fresh connection after this many messages...
        recycle_after_seconds = 300                       # ...or this many seconds
        stall_timeout_seconds = 30                        # give up a relay that stops answering

        [smtp.pacing]                                     # messages per minute per mailbox provider (docs/operations.md)
        # gmail = 600                                     # gmail.com, googlemail.com
        # outlook = 300                                   # outlook.com, hotmail.com/.nl, live.com/.nl, msn.com
        # kpn = 120                                       # kpnmail.nl, planet.nl, hetnet.nl, ...
        # ziggo = 120                                     # ziggo.nl, home.nl, casema.nl, chello.nl, ...
        # yahoo = 120
        # apple = 120

        [smtp.warm_up]                                    # a new sending domain: a growing daily limit
        # start = "2026-12-01"                            # the first day this domain sends
        # first_day = 200                                 # messages on that day...
        # growth = 1.5                                    # ...times this each following day
        # until = 100000                                  # no limit once the daily limit reaches this

        [http]
        base_url = "http://127.0.0.1:8080"                # CHANGE: the public https:// base of links in mail (loopback is refused)
        listen = "127.0.0.1:8080"
        metrics_listen = "127.0.0.1:9464"                 # GET /metrics here only, never on listen; "off": nowhere
        posts_per_minute = 60                             # per client address (votes, links); 0: no limit
        trust_forwarded_for = false                       # true behind your own reverse proxy: limit by X-Forwarded-For
        idle_timeout_seconds = 30                         # close connections idle this long
        header_timeout_seconds = 10                       # a request's head must be in within this long...
        body_timeout_seconds = 30                         # ...and its body within this long after it, however it trickles
        max_connections = 4096                            # open connections in all (kept below the open-file limit)
        max_connections_per_client = 128                  # per client address (IPv6: per /64); 0: no limit

        [timeline]
        vote_opens_after_days = 10
        deadline_after_days = 14
        vote_reminder_hours_before_deadline = 48

        # Named timelines for `case approve --timeline NAME`: standaard (= [timeline]), kort (5+2 days) and lang
        # (14+7 days) are built in; change them or add your own:
        # [timelines.kort]
        # vote_opens_after_days = 5
        # deadline_after_days = 7
        # vote_reminder_hours_before_deadline = 24

        [panel]
        max_open_rounds = 3                               # a panelist is in at most this many open cases (0: no limit)

        [discussion]
        digest_every_days = 3                             # a digest of new arguments while the discussion lasts
        extension_days = 3                                # what the moderator's "extend" link adds after late questions

        [inbound]
        # reply_domain = "reply.tweedemening.example"     # reply+TOKEN@this domain; default: the from domain
        # moderator = "moderator@tweedemening.example"    # receives held arguments with approve/reject links
        # secret_file = "/etc/tweedemening/inbound-secret" # enables POST /inbound; or TWEEDEMENING_INBOUND_SECRET
        # cases_address = "zaken@reply.tweedemening.example" # municipalities mail cases here; default zaken@reply_domain
        # join_address = "aanmelden@reply.tweedemening.example" # residents mail their invitation code here
        # authserv_id = "mx.tweedemening.example"        # only our MTA's Authentication-Results; unset: none (see docs)

        [privacy]
        retention_days = 365                              # after a case closes, its raw mail and addresses go

        [verdict]
        quorum = 30                                       # fewer votes: no verdict ("no-quorum")
        follow_up_reminder_days = 14                      # remind a silent municipality; at twice this, tell the panel

        [serve]
        tick_interval_seconds = 60

        """
}

extension Configuration {
    /// The links in mail (votes, List-Unsubscribe) must reach a resident, and over TLS: a plain-http link sends a
    /// token in the clear and a loopback link reaches nobody. Refused at start (exit 78) unless it is loopback and
    /// `TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1` says so (the demo and the tests, which run on loopback).
    static func isLoopback(host: String) -> Bool {
        let trimmed = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return trimmed == "localhost" || trimmed.hasSuffix(".localhost") || trimmed == "::1" || trimmed.hasPrefix("127.")
    }

    /// A demo or test on this machine (`TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1` with a loopback base URL).
    var isLocalOnly: Bool {
        URL(string: baseURL)?.host.map(Self.isLoopback(host:)) ?? false
    }

    static func checkBaseURL(_ baseURL: String, allowInsecure: Bool) throws {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw CLIError.config(
                "base URL `\(baseURL)` must be an https:// address with a host, e.g. https://stem.tweedemening.nl "
                    + "(http.base_url in tweedemening.toml or TWEEDEMENING_BASE_URL)")
        }
        if isLoopback(host: host) {
            guard allowInsecure else {
                throw CLIError.config(
                    "base URL `\(baseURL)` is a loopback address: the links in mail would reach nobody. Set http.base_url "
                        + "in tweedemening.toml (or TWEEDEMENING_BASE_URL) to the public https:// address of the intake; "
                        + "for a demo or test on this machine only, set TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1")
            }
            return
        }
        guard scheme == "https" else {
            throw CLIError.config(
                "base URL `\(baseURL)` is plain http: vote and unsubscribe links would carry their tokens unencrypted. "
                    + "Set http.base_url in tweedemening.toml (or TWEEDEMENING_BASE_URL) to https://\(host)… behind a TLS "
                    + "proxy")
        }
    }
}

/// Errors a moderator can act on, with the sysexits code `tweedemening` exits with.
enum CLIError: Error, CustomStringConvertible {
    case config(String)
    case data(String)
    case usage(String)
    case unavailable(String)
    case software(String)

    var description: String {
        switch self {
        case .config(let text), .data(let text), .usage(let text), .unavailable(let text), .software(let text): text
        }
    }

    /// sysexits.h: 78 config, 65 data, 64 usage, 69 unavailable, 70 software.
    var exitCode: Int32 {
        switch self {
        case .config: 78
        case .data: 65
        case .usage: 64
        case .unavailable: 69
        case .software: 70
        }
    }
}
