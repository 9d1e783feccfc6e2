import Foundation
import Hummingbird
import PanelCore
import PanelMail
import PanelStore

/// The intake's routes, for `serve` and for tests alike.
public func buildIntakeRouter(
    database: AppDatabase, signer: TokenSigner, mailroom: Mailroom? = nil, inboundSecret: String? = nil,
    caseTimeline: TimelineDefaults = TimelineDefaults(), limits: IntakeLimits = IntakeLimits(),
    now: @escaping @Sendable () -> Date = { Date() }
) -> Router<IntakeRequestContext> {
    let router = Router(context: IntakeRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestGuard(limits: limits, now: now))
    router.get("/healthz") { _, _ -> Response in
        do {
            _ = try database.queueStatus()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        } catch {
            return Response(
                status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
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
