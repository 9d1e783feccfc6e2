import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Limits for the public intake.
public struct IntakeLimits: Sendable {
    /// State-changing requests (POST) per client address per minute; 0: no limit.
    public var postsPerMinute: Int
    /// A client may spend this many at once before the per-minute rate applies.
    public var burst: Int
    /// Read the client from the last `X-Forwarded-For` entry (only behind a proxy you run).
    public var trustForwardedFor: Bool

    public init(postsPerMinute: Int = 60, burst: Int = 30, trustForwardedFor: Bool = false) {
        self.postsPerMinute = postsPerMinute
        self.burst = burst
        self.trustForwardedFor = trustForwardedFor
    }
}

/// Before any route: POST requests must carry a form (or nothing), or a mail for `/inbound`; and each client
/// address gets a token bucket of POSTs, so a flood from one address is answered 429 without touching the
/// database. GET and HEAD are never limited: they change nothing.
public struct RequestGuard: RouterMiddleware {
    public typealias Context = IntakeRequestContext

    let limits: IntakeLimits
    let buckets: Buckets
    let now: @Sendable () -> Date

    public init(limits: IntakeLimits, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limits = limits
        self.buckets = Buckets()
        self.now = now
    }

    static let formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]
    static let mailTypes = ["message/rfc822", "application/octet-stream", "text/plain"]

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        let type = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let allowed = request.uri.path.hasPrefix("/inbound") ? Self.mailTypes : Self.formTypes
        if let type, !allowed.contains(type) {
            return Self.plain(.unsupportedMediaType, "POST here takes \(allowed.joined(separator: " or ")), not \(type)\n")
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

    /// The client a bucket belongs to; nil: not limited. Without a trusted proxy, a loopback peer is this machine
    /// (tests, benchmarks) or a proxy that hides the client: limiting it would throttle everyone at once.
    func clientKey(_ request: Request, _ context: Context) -> String? {
        if limits.trustForwardedFor {
            if let forwarded = request.headers[.init("X-Forwarded-For")!], let last = forwarded.split(separator: ",").last {
                return last.trimmingCharacters(in: .whitespaces)
            }
            return context.remoteAddress?.ipAddress ?? "unknown"
        }
        guard let address = context.remoteAddress?.ipAddress else { return "unknown" }
        return address == "127.0.0.1" || address == "::1" ? nil : address
    }

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
