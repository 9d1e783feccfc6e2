import Foundation
import Hummingbird
import PanelCore
import PanelMail
import PanelStore

/// The intake's routes, for `serve` and for tests alike.
public func buildIntakeRouter(
    database: AppDatabase, signer: TokenSigner, mailroom: Mailroom? = nil, inboundSecret: String? = nil,
    caseTimeline: TimelineDefaults = TimelineDefaults(), limits: IntakeLimits = IntakeLimits(), baseURL: String? = nil,
    metrics: (@Sendable () -> String)? = nil, now: @escaping @Sendable () -> Date = { Date() }
) -> Router<IntakeRequestContext> {
    let router = Router(context: IntakeRequestContext.self)
    // Requests per route pattern (`/v/{token}`, never the token) and status, through swift-metrics.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestGuard(limits: limits, baseURL: baseURL, now: now))
    router.get("/healthz") { _, _ -> Response in
        do {
            try database.ping()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            return Response(
                status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
        }
    }
    if let metrics {
        // Prometheus text format, for a scraper on this machine only: counts are not for the public.
        router.get("/metrics") { _, context -> Response in
            let address = context.remoteAddress?.ipAddress
            guard address == "127.0.0.1" || address == "::1" else {
                return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"])
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics())))
        }
    }
    router.addRoutes(BallotController(database: database, signer: signer, now: now).endpoints)
    router.addRoutes(JoinController(database: database, signer: signer, now: now).endpoints)
    router.addRoutes(
        PreferenceController(
            database: database, signer: signer, messageDomain: mailroom?.messageDomain ?? "tweedemening.invalid",
            caseTimeline: caseTimeline, now: now
        )
        .endpoints)
    if let mailroom, let inboundSecret {
        router.addRoutes(InboundController(mailroom: mailroom, secret: inboundSecret, now: now).endpoints)
    }
    return router
}
