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

    /// The settings for `root`: its `tweedemening.toml` (if any), the environment over the file, defaults for the
    /// rest. Each section is read by a reader of its own (`ConfigReader`); a bad value stops the program with an
    /// error that names its key (and its variable, where the environment can set it).
    static func load(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        let reader = ConfigReader(
            root: root, file: try readFile(at: root.appendingPathComponent(fileName).path), environment: environment)
        let replication = try reader.replication()
        let mail = try reader.mail()
        let smtp = try reader.smtp(timeZone: mail.timeZone)
        let http = try reader.http()
        let timelines = try reader.timelines()
        let inbound = try reader.inbound(from: mail.from)
        return Configuration(
            root: root,
            databasePath: reader.resolve(reader.file.database ?? "tweedemening.sqlite"),
            replication: replication,
            spoolPath: reader.resolve(reader.file.spool ?? "Queue"),
            language: reader.file.language ?? "nl",
            from: mail.from,
            returnPath: reader.file.mail?.return_path,
            smtp: SMTPSettings(
                url: mail.smtpURL,
                requireStartTLS: reader.file.mail?.smtp_starttls ?? false,
                username: reader.env("TWEEDEMENING_SMTP_USER") ?? reader.file.mail?.smtp_user.flatMap { $0.isEmpty ? nil : $0 },
                password: mail.password,
                verifyPeer: reader.file.mail?.smtp_verify_tls ?? true, stallTimeout: smtp.stallTimeout),
            delivery: smtp.delivery,
            retryExpireDays: mail.retryExpireDays,
            sendingWindow: mail.sendingWindow,
            timeZone: mail.timeZone,
            baseURL: http.baseURL,
            listenHost: http.listenHost,
            listenPort: http.listenPort,
            metricsListen: http.metricsListen,
            intakeLimits: http.intakeLimits,
            idleTimeout: http.idleTimeout,
            connectionLimits: http.connectionLimits,
            timelineDefaults: timelines.standard,
            timelines: timelines.named,
            discussionPlan: try reader.discussionPlan(timeZone: mail.timeZone),
            casesAddress: inbound.casesAddress,
            joinAddress: inbound.joinAddress,
            authservID: reader.file.inbound?.authserv_id.flatMap { $0.isEmpty ? nil : $0.lowercased() },
            extensionDays: try bounded(reader.file.discussion?.extension_days ?? 3, "discussion.extension_days", 1...30),
            replyDomain: inbound.replyDomain,
            moderatorAddress: inbound.moderator,
            inboundSecret: inbound.secret,
            tickInterval: try bounded(reader.file.serve?.tick_interval_seconds ?? 60, "serve.tick_interval_seconds", 1...86_400),
            retentionDays: try bounded(reader.file.privacy?.retention_days ?? 365, "privacy.retention_days", 30...3_650))
    }

    /// The file at `path` as written, or an empty one (every default) when there is none.
    static func readFile(at path: String) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError.config("cannot read \(path)")
        }
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: text)
        } catch let error as TOMLParseError {
            throw CLIError.config("\(path): \(error.source.begin.debugDescription): \(error.description)")
        } catch {
            throw CLIError.config("\(path): \(error)")
        }
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

/// Reads `tweedemening.toml` and the environment a section at a time, for `Configuration.load`. Each reader checks
/// its values and throws `CLIError.config` naming the key (and the environment variable, where one can set it).
struct ConfigReader {
    let root: URL
    let file: ConfigFile
    let environment: [String: String]

    /// An environment variable, nil when unset or empty.
    func env(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A path from the file: absolute as given, else relative to the root.
    func resolve(_ value: String) -> String {
        value.hasPrefix("/") ? value : root.appendingPathComponent(value).path
    }

    /// A secret from `variable`, else read from the file a key names (trimmed), else nil.
    func secret(variable: String, path: String?, what: String) throws -> String? {
        if let value = env(variable) { return value }
        guard let path, !path.isEmpty else { return nil }
        guard let text = try? String(contentsOfFile: resolve(path), encoding: .utf8) else {
            throw CLIError.config("cannot read the \(what) file \(resolve(path))")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `replication`.
    func replication() throws -> Replication {
        let text = file.replication ?? Replication.none.rawValue
        guard let replication = Replication(rawValue: text) else {
            throw CLIError.config(
                "replication `\(text)` must be \"none\" or \"litestream\" (docs/operations.md, Replication)")
        }
        return replication
    }

    /// `[mail]`: the sender, the relay and how long a deferred message is retried, the time zone and sending window.
    struct Mail {
        var from: MailAddress
        var password: String?
        var smtpURL: String
        var retryExpireDays: Double
        var timeZone: TimeZone
        var sendingWindow: SendingWindow
    }

    func mail() throws -> Mail {
        let fromText = env("TWEEDEMENING_FROM") ?? file.mail?.from ?? "De Tweede Mening <panel@tweedemening.example>"
        guard let from = MailAddress(parsing: fromText) else {
            throw CLIError.config(
                "sender address `\(fromText)` is not valid; set mail.from in \(Configuration.fileName) or TWEEDEMENING_FROM, e.g. \"De Tweede Mening <panel@example.nl>\""
            )
        }
        let password = try secret(
            variable: "TWEEDEMENING_SMTP_PASSWORD", path: file.mail?.smtp_password_file, what: "SMTP password")
        let smtpURL = env("TWEEDEMENING_SMTP_URL") ?? file.mail?.smtp_url ?? "smtp://127.0.0.1:25"
        guard smtpURL.hasPrefix("smtp://") || smtpURL.hasPrefix("smtps://") else {
            throw CLIError.config(
                "SMTP URL `\(smtpURL)` must start with smtp:// or smtps:// (mail.smtp_url or TWEEDEMENING_SMTP_URL)")
        }
        let retryExpireDays = try Configuration.bounded(
            file.mail?.retry_expire_days?.value ?? 3, "mail.retry_expire_days", 0.01...30)
        let zoneName = file.mail?.time_zone ?? TimeZone.panelDefault.identifier
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw CLIError.config(
                "time zone `\(zoneName)` is unknown; use a name such as Europe/Amsterdam (mail.time_zone)")
        }
        let windowText = env("TWEEDEMENING_SENDING_WINDOW") ?? file.mail?.sending_window ?? "08:00-20:00"
        guard let window = SendingWindow.parse(windowText, timeZone: timeZone) else {
            throw CLIError.config(
                "sending window `\(windowText)` must be HH:MM-HH:MM (e.g. 08:00-20:00) or `always` "
                    + "(mail.sending_window or TWEEDEMENING_SENDING_WINDOW)")
        }
        return Mail(
            from: from, password: password, smtpURL: smtpURL, retryExpireDays: retryExpireDays, timeZone: timeZone,
            sendingWindow: window)
    }

    /// `[smtp]`, `[smtp.pacing]` and `[smtp.warm_up]`: how delivery uses the relay; `timeZone` dates the warm-up.
    func smtp(timeZone: TimeZone) throws -> (delivery: DeliverySettings, stallTimeout: Int) {
        let section = file.smtp
        var delivery = DeliverySettings()
        if let text = env("TWEEDEMENING_SMTP_CONNECTIONS") {
            guard let connections = Int(text), (1...64).contains(connections) else {
                throw CLIError.config("TWEEDEMENING_SMTP_CONNECTIONS=`\(text)` must be a whole number from 1 to 64")
            }
            delivery.connections = connections
        } else if let connections = section?.connections {
            guard (1...64).contains(connections) else { throw CLIError.config("smtp.connections must be 1 to 64") }
            delivery.connections = connections
        }
        if let rate = section?.rate_per_second?.value {
            guard rate > 0 else { throw CLIError.config("smtp.rate_per_second must be above 0 (leave it out for no limit)") }
            delivery.ratePerSecond = rate
        }
        do {
            delivery.pacing = try DestinationPacing.configured(
                perMinute: (section?.pacing ?? [:]).mapValues(\.value), warmUpStart: section?.warm_up?.start,
                firstDay: section?.warm_up?.first_day, growth: section?.warm_up?.growth?.value,
                until: section?.warm_up?.until, timeZone: timeZone)
        } catch {
            throw CLIError.config(error.description)
        }
        if let messages = section?.recycle_after_messages {
            delivery.recycleAfterMessages = try Configuration.bounded(
                messages, "smtp.recycle_after_messages", 1...1_000_000)
        }
        if let seconds = section?.recycle_after_seconds?.value {
            delivery.recycleAfterSeconds = try Configuration.bounded(seconds, "smtp.recycle_after_seconds", 1...86_400)
        }
        let stallTimeout = try Configuration.bounded(
            section?.stall_timeout_seconds ?? 30, "smtp.stall_timeout_seconds", 5...3_600)
        return (delivery, stallTimeout)
    }

    /// `[http]`: where the intake listens, the links' base, and its limits.
    struct HTTP {
        var listenHost: String
        var listenPort: Int
        var metricsListen: (host: String, port: Int)?
        var baseURL: String
        var intakeLimits: IntakeLimits
        var idleTimeout: Int
        var connectionLimits: ConnectionLimits
    }

    func http() throws -> HTTP {
        let section = file.http
        let listen = env("TWEEDEMENING_LISTEN") ?? section?.listen ?? "127.0.0.1:8080"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw CLIError.config(
                "listen address `\(listen)` must be HOST:PORT, e.g. 127.0.0.1:8080 (http.listen or TWEEDEMENING_LISTEN)")
        }
        let metricsListen = try Configuration.metricsListen(
            env("TWEEDEMENING_METRICS_LISTEN") ?? section?.metrics_listen ?? "127.0.0.1:9464", intake: listen)
        let baseURL = env("TWEEDEMENING_BASE_URL") ?? section?.base_url ?? "http://127.0.0.1:8080"
        try Configuration.checkBaseURL(baseURL, allowInsecure: environment["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] == "1")
        return HTTP(
            listenHost: String(listen[..<colon]),
            listenPort: port,
            metricsListen: metricsListen,
            baseURL: baseURL,
            intakeLimits: IntakeLimits(
                postsPerMinute: try Configuration.bounded(
                    section?.posts_per_minute ?? 60, "http.posts_per_minute", 0...1_000_000),
                burst: 30,
                trustForwardedFor: section?.trust_forwarded_for ?? false),
            idleTimeout: try Configuration.bounded(section?.idle_timeout_seconds ?? 30, "http.idle_timeout_seconds", 5...300),
            connectionLimits: ConnectionLimits(
                headerTimeout: .seconds(
                    Int64(
                        try Configuration.bounded(
                            section?.header_timeout_seconds ?? 10, "http.header_timeout_seconds", 1...120))),
                bodyTimeout: .seconds(
                    Int64(
                        try Configuration.bounded(section?.body_timeout_seconds ?? 30, "http.body_timeout_seconds", 1...600))),
                perClient: try Configuration.bounded(
                    section?.max_connections_per_client ?? 128, "http.max_connections_per_client", 0...1_000_000),
                total: try Configuration.bounded(section?.max_connections ?? 4_096, "http.max_connections", 1...1_000_000)))
    }

    /// `[timeline]` (the standard timeline) and `[timelines.NAME]` over the built-in named ones.
    func timelines() throws -> (standard: TimelineDefaults, named: [String: TimelineDefaults]) {
        var standard = TimelineDefaults()
        if let section = file.timeline { Self.apply(section, to: &standard) }
        var named = Dictionary(uniqueKeysWithValues: TimelineTemplate.builtIn.map { ($0.name, $0.defaults) })
        named[TimelineTemplate.defaultName] = standard
        for (name, section) in file.timelines ?? [:] {
            guard name.range(of: "^[a-z0-9-]{1,32}$", options: .regularExpression) != nil else {
                throw CLIError.config("timeline name `\(name)` must be lowercase letters, digits or - (e.g. [timelines.kort])")
            }
            var defaults = named[name] ?? standard
            Self.apply(section, to: &defaults)
            guard defaults.deadlineAfterDays > defaults.voteOpensAfterDays, defaults.voteOpensAfterDays >= 0 else {
                throw CLIError.config(
                    "[timelines.\(name)]: deadline_after_days must be larger than vote_opens_after_days")
            }
            named[name] = defaults
        }
        return (standard, named)
    }

    /// The keys a timeline section sets, over `defaults`.
    static func apply(_ section: ConfigFile.TimelineSection, to defaults: inout TimelineDefaults) {
        if let days = section.vote_opens_after_days { defaults.voteOpensAfterDays = days.value }
        if let days = section.deadline_after_days { defaults.deadlineAfterDays = days.value }
        if let hours = section.vote_reminder_hours_before_deadline {
            defaults.voteReminderHoursBeforeDeadline = hours.value
        }
    }

    /// `[inbound]`: the addresses mail comes in on, the moderator, and the secret of `POST /inbound`.
    struct Inbound {
        var replyDomain: String
        /// Lowercased.
        var moderator: String?
        var secret: String?
        var casesAddress: String
        var joinAddress: String
    }

    func inbound(from: MailAddress) throws -> Inbound {
        let section = file.inbound
        let replyDomain = env("TWEEDEMENING_REPLY_DOMAIN") ?? section?.reply_domain ?? from.domain
        let moderator = env("TWEEDEMENING_MODERATOR") ?? section?.moderator.flatMap { $0.isEmpty ? nil : $0 }
        if let moderator, !EmailAddress.isPlausible(moderator) {
            throw CLIError.config("moderator address `\(moderator)` is not a valid e-mail address (inbound.moderator)")
        }
        let secret = try secret(variable: "TWEEDEMENING_INBOUND_SECRET", path: section?.secret_file, what: "inbound secret")
        let casesAddress = (section?.cases_address.flatMap { $0.isEmpty ? nil : $0 } ?? "zaken@\(replyDomain)").lowercased()
        guard EmailAddress.isPlausible(casesAddress) else {
            throw CLIError.config("cases address `\(casesAddress)` is not a valid e-mail address (inbound.cases_address)")
        }
        let joinAddress = (section?.join_address.flatMap { $0.isEmpty ? nil : $0 } ?? "aanmelden@\(replyDomain)")
            .lowercased()
        guard EmailAddress.isPlausible(joinAddress), joinAddress != casesAddress else {
            throw CLIError.config(
                "join address `\(joinAddress)` must be a valid e-mail address other than the cases address (inbound.join_address)"
            )
        }
        if let secret, secret.count < 16 {
            throw CLIError.config(
                "the inbound secret must be at least 16 characters (inbound.secret_file or TWEEDEMENING_INBOUND_SECRET)")
        }
        return Inbound(
            replyDomain: replyDomain, moderator: moderator?.lowercased(), secret: secret, casesAddress: casesAddress,
            joinAddress: joinAddress)
    }

    /// `[discussion]`, `[verdict]` and `[panel]`: the rhythm of a round's discussion and its verdict.
    func discussionPlan(timeZone: TimeZone) throws -> DiscussionPlan {
        DiscussionPlan(
            digestInterval: try Configuration.bounded(
                file.discussion?.digest_every_days?.value ?? 3, "discussion.digest_every_days", 0.01...60) * 86_400,
            followUpReminderAfter: try Configuration.bounded(
                file.verdict?.follow_up_reminder_days?.value ?? 14, "verdict.follow_up_reminder_days", 1...365) * 86_400,
            quorum: try Configuration.bounded(file.verdict?.quorum ?? 30, "verdict.quorum", 1...1_000_000),
            maxOpenRounds: try Configuration.bounded(file.panel?.max_open_rounds ?? 3, "panel.max_open_rounds", 0...1_000),
            timeZone: timeZone)
    }
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
