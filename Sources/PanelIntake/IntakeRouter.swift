import Foundation
import Hummingbird
import PanelCore
import PanelMail
import PanelStore

/// The intake's routes, for `serve` and for tests alike.
public func buildIntakeRouter(
    database: AppDatabase, signer: TokenSigner, templates: MailTemplates, mailroom: Mailroom? = nil, inboundSecret: String? = nil,
    caseTimeline: TimelineDefaults = TimelineDefaults(), limits: IntakeLimits = IntakeLimits(), baseURL: String? = nil,
    timeZone: TimeZone = .panelDefault, now: @escaping @Sendable () -> Date = { Date() }
) -> Router<IntakeRequestContext> {
    let router = Router(context: IntakeRequestContext.self)
    let pages = PageRenderer(templates: templates)
    // Requests per route pattern (`/v/{token}`, never the token) and status, through swift-metrics.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestGuard(limits: limits, pages: pages, baseURL: baseURL, now: now))
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
    // No /metrics here: it has a listener of its own (`buildMetricsRouter`), which a proxy in front of this one
    // cannot expose — behind a proxy on this machine every request came from loopback (issue 17, finding 14).
    router.addRoutes(
        BallotController(database: database, signer: signer, pages: pages, timeZone: timeZone, now: now).endpoints)
    router.addRoutes(JoinController(database: database, signer: signer, pages: pages, now: now).endpoints)
    router.addRoutes(
        PreferenceController(
            database: database, signer: signer, pages: pages,
            messageDomain: mailroom?.messageDomain ?? "tweedemening.invalid",
            caseTimeline: caseTimeline, timeZone: timeZone, now: now
        )
        .endpoints)
    if let mailroom, let inboundSecret {
        router.addRoutes(InboundController(mailroom: mailroom, secret: inboundSecret, now: now).endpoints)
    }
    return router
}
