import Foundation
import Metrics
import PanelIntake
import PanelStore
import Prometheus

/// The daemon's metrics: swift-metrics counters and timers (ours and Hummingbird's) collected by one Prometheus
/// registry; the queue depth is read from the database at each scrape, so it is right for `tick` from cron too.
enum DaemonMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["tweedemening_tick_duration_seconds"] = [
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
            .seconds(15), .seconds(60), .seconds(300),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Once per process, before any metric is made.
    static func bootstrap() { _ = bootstrapped }

    /// The text a scrape returns: queue gauges refreshed first.
    static func scrape(_ database: AppDatabase) -> String {
        if let status = try? database.queueStatus() {
            for state in OutboxStateOrder.all {
                registry.makeGauge(name: "tweedemening_queue_messages", labels: [("state", state.rawValue)])
                    .set(Double(status.counts[state] ?? 0))
            }
        }
        if let complaints = try? database.complaintCount() {
            registry.makeGauge(name: "tweedemening_complaints").set(Double(complaints))
        }
        return registry.emitToString()
    }

    /// After each tick: its duration, the round steps it took, and the SMTP outcome classes of its deliveries.
    static func record(_ outcome: Ticker.Outcome, duration: Duration) {
        Metrics.Timer(label: "tweedemening_tick_duration_seconds").recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        for (_, step) in outcome.steps {
            Counter(label: "tweedemening_round_transitions_total", dimensions: [("step", step.rawValue)]).increment()
        }
        let delivery = outcome.delivery
        for (reply, count) in [("2xx", delivery.sent), ("4xx", delivery.deferred), ("5xx", delivery.failed)] where count > 0 {
            Counter(label: "tweedemening_smtp_replies_total", dimensions: [("class", reply)]).increment(by: count)
        }
    }

    /// Each connection the intake closed for a slow or greedy client, by reason.
    @Sendable static func connectionClosed(_ reason: ConnectionGuard.Closing) {
        Counter(label: "tweedemening_http_connections_closed_total", dimensions: [("reason", reason.rawValue)]).increment()
    }
}
