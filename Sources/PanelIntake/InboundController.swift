import Crypto
import Foundation
import Hummingbird
import MailFormat
import PanelMail
import PanelStore

/// `POST /inbound`: a raw RFC 5322 message as the body, for mail services that deliver by webhook.
/// Authenticated by a shared secret (`Authorization: Bearer …`), compared in constant time.
public struct InboundController<Context: RequestContext>: Sendable {
    public let mailroom: Mailroom
    public let secret: String
    public let now: @Sendable () -> Date

    public init(mailroom: Mailroom, secret: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.mailroom = mailroom
        self.secret = secret
        self.now = now
    }

    public var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self).post("/inbound") { request, context in try await self.receive(request, context) }
    }

    func authorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        let given = SHA256.hash(data: Array(header.dropFirst("Bearer ".count).utf8))
        let expected = SHA256.hash(data: Array(secret.utf8))
        // Equal-length digests compared without early exit.
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func receive(_ request: Request, _ context: Context) async throws -> Response {
        guard authorized(request) else { return Self.text(.unauthorized, "missing or wrong Authorization: Bearer secret") }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: InboundMessage.maxSize)
        } catch {
            return Self.text(.contentTooLarge, "message larger than \(InboundMessage.maxSize) bytes")
        }
        let recipient = request.uri.queryParameters["recipient"].map(String.init)
        let bytes = Array(buffer: body)
        let (mailroom, now) = (self.mailroom, self.now)
        // Storing (fsync) and filing (a database write) block: on a thread of their own, not the cooperative pool.
        let name: String
        do {
            name = try await Blocking.run("inbound") { try mailroom.accept(bytes, envelopeRecipient: recipient, now: now()) }
        } catch {
            return Self.text(.serviceUnavailable, "cannot store the message now; try again later")
        }
        do {
            switch try await Blocking.run("inbound", { try mailroom.process(name: name, now: now()) }) {
            case .malformed(let reason): return Self.text(.unprocessableContent, "not a usable mail message: \(reason)")
            case .filed(let disposition): return Self.text(.ok, "accepted: \(disposition.rawValue)")
            }
        } catch {
            // Stored: the next tick files it.
            return Self.text(.accepted, "stored; will be filed shortly")
        }
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
