import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PanelMail
import Synchronization

/// Limits for the public intake.
public struct IntakeLimits: Sendable {
    /// State-changing requests (POST) per client address per minute; 0: no limit.
    public var postsPerMinute: Int
    /// A client may spend this many at once before the per-minute rate applies.
    public var burst: Int
    /// Read the client from the last `X-Forwarded-For` entry whoever the peer is: only for a proxy on another
    /// machine that no one else can reach. A proxy on this machine (a peer at 127.0.0.1 or ::1) is trusted without it.
    public var trustForwardedFor: Bool

    public init(postsPerMinute: Int = 60, burst: Int = 30, trustForwardedFor: Bool = false) {
        self.postsPerMinute = postsPerMinute
        self.burst = burst
        self.trustForwardedFor = trustForwardedFor
    }
}

extension IntakeLimits {
    /// A peer that is a proxy on this machine: 127.0.0.1 or ::1 (also as ::ffff:127.0.0.1), where nginx and Caddy
    /// connect from. Other loopback addresses (127.0.0.2, …) are clients like any other. One rule for the rate limit
    /// and the connection share.
    public static func isLocalProxy(_ address: String?) -> Bool {
        address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1"
    }
}

/// Before any route: POST requests must carry a form, or a mail for `/inbound` (else 415); a browser's form from
/// another site is refused (403), except the RFC 8058 one-click unsubscribe; and each client address gets a token
/// bucket of POSTs, so a flood from one address is answered 429 without touching the database. GET and HEAD are
/// never limited: they change nothing.
public struct RequestGuard: RouterMiddleware {
    public typealias Context = IntakeRequestContext

    let limits: IntakeLimits
    let origin: WebOrigin?
    let buckets: Buckets
    let now: @Sendable () -> Date
    /// Renders the refusal page (`page-message`).
    let pages: PageRenderer

    /// `baseURL`: the public base of the links in mail, whose origin our own forms post from; nil: the `Host` header's.
    public init(
        limits: IntakeLimits, pages: PageRenderer, baseURL: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.limits = limits
        self.pages = pages
        self.origin = baseURL.flatMap(WebOrigin.init(url:))
        self.buckets = Buckets()
        self.now = now
    }

    static let formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]
    static let mailTypes = ["message/rfc822", "application/octet-stream", "text/plain"]

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        // An empty type is no type: the refusal says "geen".
        let type = request.headers[.contentType].map(Self.mediaType).flatMap { $0.isEmpty ? nil : $0 }
        // `/inbound` is for a mail service's server, authenticated by its secret: not a browser's form.
        let inbound = request.uri.path.hasPrefix("/inbound")
        let allowed = inbound ? Self.mailTypes : Self.formTypes
        guard let type, allowed.contains(type) else {
            let wanted = allowed.joined(separator: " of ")
            return Self.plain(
                .unsupportedMediaType,
                """
                Niet verwerkt: een POST hier heeft als Content-Type \(wanted), dit verzoek \(type ?? "geen"). \
                Er is niets vastgelegd.
                POST here takes \(allowed.joined(separator: " or ")); this request has \(type ?? "no Content-Type").

                """)
        }
        if !inbound, isFromAnotherSite(request), !(await isOneClickUnsubscribe(&request)) {
            return Page.message(
                .forbidden, title: "Dit formulier komt niet van De Tweede Mening",
                before: [
                    "Er is niets vastgelegd. Open de link uit uw eigen e-mail van De Tweede Mening en druk daar op de knop."
                ],
                notes: [Page.Note(text: "A form on another site cannot post here; nothing was recorded.", lang: "en")]
            ).response(pages)
        }
        if limits.postsPerMinute > 0 {
            if let client = clientKey(request, context),
                !buckets.take(client, now: now(), perMinute: limits.postsPerMinute, burst: limits.burst)
            {
                var response = Self.plain(.tooManyRequests, "too many requests from this address; try again in a minute\n")
                response.headers[.retryAfter] = "60"
                return response
            }
        }
        return try await next(request, context)
    }

    /// The media type of a `Content-Type` value, lowercased, without parameters or the spaces around it
    /// (`"Application/X-WWW-Form-Urlencoded ; charset=utf-8"` → `"application/x-www-form-urlencoded"`). On bytes:
    /// every vote passes here.
    static func mediaType(_ value: String) -> String {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let type = value.utf8.prefix { $0 != UInt8(ascii: ";") }.drop(while: isSpace)
        let end = type.lastIndex { !isSpace($0) }.map { type.index(after: $0) } ?? type.startIndex
        return String(decoding: type[..<end].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// A browser says where a request comes from: `Sec-Fetch-Site` (any browser since 2023) is taken as it is — only
    /// `same-origin` and `none` (typed, a bookmark) are ours; without it, an `Origin` other than ours. `Origin: null`
    /// alone is no sign: our pages send no referrer, and then a browser posts their forms with `Origin: null`.
    /// A request with neither header is not a browser's (a mail provider's one-click POST, curl): not refused here.
    func isFromAnotherSite(_ request: Request) -> Bool {
        if let site = request.headers[Self.secFetchSite]?.trimmingCharacters(in: .whitespaces).lowercased() {
            return site != "same-origin" && site != "none"
        }
        guard let header = request.headers[.origin], header.trimmingCharacters(in: .whitespaces) != "null" else {
            return false
        }
        guard let given = WebOrigin(url: header) else { return true }
        if let origin { return given != origin }
        // No base URL configured: our own forms post to the host the browser asked for.
        guard let host = request.head.authority else { return true }
        return given.authority != WebOrigin(url: given.scheme + "://" + host)?.authority
    }

    /// RFC 8058: a mail provider (or a mail client, from wherever it runs) posts `List-Unsubscribe=One-Click` to the
    /// link of our `List-Unsubscribe` header — the one form that may come from elsewhere. The body is read here
    /// (forms are small; a larger one is no one-click) and left in the request for the route.
    func isOneClickUnsubscribe(_ request: inout Request) async -> Bool {
        guard request.uri.path.hasPrefix("/u/"), let buffer = try? await request.collectBody(upTo: 16 * 1024) else {
            return false
        }
        let body = String(buffer: buffer)
        if body.trimmingCharacters(in: .whitespacesAndNewlines) == "List-Unsubscribe=One-Click" { return true }
        // multipart/form-data: one field `List-Unsubscribe` with the value `One-Click`
        return body.contains("name=\"List-Unsubscribe\"") && body.contains("\r\n\r\nOne-Click\r\n")
    }

    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// The client a bucket belongs to; nil: not limited (issue 17, finding 14).
    ///
    /// A peer at 127.0.0.1 or ::1 is a proxy on this machine (nginx, Caddy): the last `X-Forwarded-For` entry, the
    /// one the proxy itself appends, is the client — so a same-host TLS proxy is limited per client without any
    /// setting. Without that header such a peer is this machine itself (a health check, tests, benchmarks) and is
    /// not limited: limiting it would throttle everyone at once. Any other peer is the client, whatever it writes in
    /// `X-Forwarded-For` — unless `trustForwardedFor` says a proxy on another machine sits in front.
    func clientKey(_ request: Request, _ context: Context) -> String? {
        let peer = context.remoteAddress?.ipAddress
        let proxied = limits.trustForwardedFor || IntakeLimits.isLocalProxy(peer)
        if proxied, let forwarded = request.headers[Self.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return last
        }
        guard let peer else { return "unknown" }
        return IntakeLimits.isLocalProxy(peer) ? nil : peer
    }

    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Token buckets per client, pruned as they fill up again so memory stays bounded.
    final class Buckets: Sendable {
        struct Bucket {
            var tokens: Double
            var updated: Date
        }
        let state = Mutex<[String: Bucket]>([:])
        static let maxClients = 100_000

        func take(_ client: String, now: Date, perMinute: Int, burst: Int) -> Bool {
            state.withLock { buckets in
                let rate = Double(perMinute) / 60
                var bucket = buckets[client] ?? Bucket(tokens: Double(burst), updated: now)
                bucket.tokens = min(Double(burst), bucket.tokens + now.timeIntervalSince(bucket.updated) * rate)
                bucket.updated = now
                guard bucket.tokens >= 1 else {
                    buckets[client] = bucket
                    return false
                }
                bucket.tokens -= 1
                buckets[client] = bucket
                if buckets.count > Self.maxClients {
                    // Full buckets carry no information: drop them.
                    buckets = buckets.filter { $0.value.tokens + now.timeIntervalSince($0.value.updated) * rate < Double(burst) }
                }
                return true
            }
        }
    }
}

/// The origin of a URL (RFC 6454): scheme, host and port, the default port left out, as browsers send it in `Origin`.
struct WebOrigin: Equatable, Sendable {
    var scheme: String
    var host: String
    var port: Int?

    init?(url: String) {
        guard let parts = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = parts.port == (scheme == "https" ? 443 : 80) ? nil : parts.port
    }

    var authority: String { port.map { "\(host):\($0)" } ?? host }
}
