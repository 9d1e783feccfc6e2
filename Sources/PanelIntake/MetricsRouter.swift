import Hummingbird

/// `GET /metrics` (Prometheus text format) on a listener of its own, `http.metrics_listen`: the public intake never
/// serves it, so a proxy in front of the intake cannot make it public (issue 17, finding 14). Who may scrape is
/// decided by where this listener is bound (loopback by default), not by the peer's address.
public func buildMetricsRouter(metrics: @escaping @Sendable () -> String) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.get("/metrics") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: metrics())))
    }
    return router
}
