import Foundation
import MailFormat

/// What a message gets at the moment it is handed to SMTP, not when it was rendered: the `Date` of that moment
/// (a step rendered at 02:00 and sent when the window opens at 08:00, a deferred retry and a `queue release` all
/// carry the time they left), and the DKIM signatures, which cover that date.
public struct Handoff: Sendable {
    /// Nil: the message leaves unsigned (no DKIM key in the root).
    public var signer: DKIMSigner?
    /// The wall clock; a test's clock in tests. Not the pass's `now`: `tick --now` simulates the round's time, but
    /// a message leaves at a real moment.
    public var clock: @Sendable () -> Date

    public init(signer: DKIMSigner? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.signer = signer
        self.clock = clock
    }

    /// The spooled message with its `Date` set to now, signed.
    public func prepare(_ message: [UInt8]) throws -> [UInt8] {
        let now = clock()
        let dated = Self.redated(message, date: now)
        return try signer?.sign(dated, at: now) ?? dated
    }

    /// The message with its (first) `Date` field replaced; one without a `Date` gets one in front.
    static func redated(_ message: [UInt8], date: Date) -> [UInt8] {
        let field = Array("Date: \(OutgoingMessage.rfc5322Date(date))".utf8)
        guard let split = DKIMSigner.headerEnd(message) else { return message }
        let header = message[..<split.headerEnd]
        guard
            let old = DKIMSigner.fields(header).first(where: {
                $0.name.equalsIgnoringASCIICase("Date")
            })
        else { return field + [13, 10] + message }
        return Array(message[..<old.raw.startIndex]) + field + Array(message[old.raw.endIndex...])
    }
}
