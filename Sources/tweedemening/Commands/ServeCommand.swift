import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import PanelCore
import PanelIntake
import PanelStore
import ServiceLifecycle
import Synchronization

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: the HTTP intake on TWEEDEMENING_LISTEN plus the scheduler and sender loop.")

    @OptionGroup var options: RootOptions
    @Flag(name: .customLong("intake-only"), help: "Serve HTTP only; leave scheduling and delivery to `tick` or another daemon.")
    var intakeOnly = false

    func run() async throws {
        let app = try options.open()
        let group = try buildServiceGroup(app: app, intakeOnly: intakeOnly)
        try await group.run()
    }
}

/// The daemon's services in one group, shut down gracefully on SIGTERM or SIGINT.
func buildServiceGroup(app: App, intakeOnly: Bool) throws -> ServiceGroup {
    let logger = app.logger
    DaemonMetrics.bootstrap()
    let router = buildIntakeRouter(
        database: app.database, signer: try app.signer(), templates: try app.templates(), mailroom: try app.mailroom(),
        inboundSecret: app.configuration.inboundSecret,
        caseTimeline: app.configuration.timelines[TimelineTemplate.defaultName] ?? app.configuration.timelineDefaults,
        limits: app.configuration.intakeLimits, baseURL: app.configuration.baseURL, timeZone: app.configuration.timeZone)
    // Slow and greedy clients: a request's head and body have deadlines that trickling does not move, a client holds
    // at most its share of connections, and at the total (kept below the open-file limit) accepting waits.
    let limits = app.configuration.connectionLimits
    let total =
        ConnectionLimits.fileLimitAndOpenFiles().map {
            ConnectionLimits.totalCap(configured: limits.total, fileLimit: $0.limit, openFiles: $0.open)
        } ?? limits.total
    // Behind a trusted proxy every connection comes from the proxy: its clients' shares are the proxy's to enforce.
    let counter = ConnectionCounter(perClient: app.configuration.intakeLimits.trustForwardedFor ? 0 : limits.perClient)
    logger.debug(
        "http.connections", metadata: ["http.max_connections": "\(total)", "http.max_per_client": "\(counter.perClient)"])
    let http = Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    ConnectionGuard(limits: limits, counter: counter, logger: logger, closed: DaemonMetrics.connectionClosed)
                ],
                idleTimeout: .seconds(Int64(app.configuration.idleTimeout)),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 64))),
        configuration: .init(
            address: .hostname(app.configuration.listenHost, port: app.configuration.listenPort),
            serverName: "tweedemening",
            availableConnectionsDelegate: MaximumAvailableConnections(total, logger: logger)),
        logger: logger)
    var services: [any Service] = [http]
    if let metrics = app.configuration.metricsListen {
        // /metrics on its own listener (loopback by default), never on the public one: a proxy in front of the
        // intake connects from loopback, so a check of the peer's address there made the counts public.
        services.append(
            Application(
                router: buildMetricsRouter(metrics: { [database = app.database] in DaemonMetrics.scrape(database) }),
                configuration: .init(address: .hostname(metrics.host, port: metrics.port), serverName: "tweedemening"),
                logger: logger))
    }
    if !intakeOnly {
        services.append(
            SchedulerService(
                ticker: Ticker(app: app, courier: try app.courier(), mailroom: try app.mailroom()),
                interval: .seconds(app.configuration.tickInterval), logger: logger))
    }
    return ServiceGroup(
        configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
}

/// The scheduler and sender loop: a tick every `interval`, until graceful shutdown.
///
/// A tick runs synchronously and may be delivering a long queue to a slow relay: on shutdown (or cancellation)
/// a `StopSignal` tells the courier to end the pass after the messages in hand, so the daemon exits in seconds
/// and the rest stays queued for the next tick.
struct SchedulerService: Service {
    let ticker: Ticker
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let stop = StopSignal()
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await loop(stop)
            } onGracefulShutdown: {
                stop.set()
            }
        } onCancel: {
            stop.set()
        }
    }

    private func loop(_ stop: StopSignal) async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let started = ContinuousClock.now
                // A tick waits for `.tick.lock` (held by a cron `tick`) and for the courier's threads: on a thread of
                // its own, so the cooperative pool stays free for the intake's requests.
                let ticker = self.ticker
                let outcome = try await Blocking.run("tick") { try ticker.run(now: Date(), shouldStop: { stop.isSet }) }
                DaemonMetrics.record(outcome, duration: ContinuousClock.now - started)
                let delivery = outcome.delivery
                if delivery.sent + delivery.deferred + delivery.failed + outcome.steps.count > 0 {
                    logger.info(
                        "tick",
                        metadata: [
                            "tick.steps": "\(outcome.steps.count)", "mail.sent": "\(delivery.sent)",
                            "mail.deferred": "\(delivery.deferred)", "mail.failed": "\(delivery.failed)",
                        ])
                }
                for problem in outcome.problems { logger.error("tick.problem", metadata: ["problem": "\(problem)"]) }
                for warning in outcome.warnings { logger.warning("tick.warning", metadata: ["warning": "\(warning)"]) }
            } catch {
                logger.error("tick.failed", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
        }
    }
}

/// Set once, by the shutdown or cancellation handler; read by the courier's threads between messages.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}
