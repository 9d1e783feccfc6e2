import Foundation
import GRDB
import PanelCore

/// A delivery status notification as the mailroom read it: which outgoing message failed, and how badly.
public struct BounceNotice: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// The address does not work: suspend at once.
        case hard
        /// The address exists, this attempt failed: counted, at most once a day.
        case soft
    }

    /// How the message that bounced was found.
    public enum Origin: Sendable, Equatable {
        /// A verified VERP envelope address (`BounceAddress`) named this outbox row.
        case outbox(Int64)
        /// No VERP address: the returned Message-ID. Trusted only when one of the failed `recipients` is the address
        /// that outbox row was sent to, because our Message-IDs can be guessed.
        case messageId(String, recipients: [String])
        /// Nothing to go by, or a `bounce+` address we did not sign: recorded only.
        case unknown
    }

    public var origin: Origin
    public var severity: Severity
    /// An RFC 3463 enhanced status code, e.g. `5.1.1`.
    public var status: String
    /// The remote server's reason on one short line, without e-mail addresses.
    public var diagnostic: String

    public init(origin: Origin, severity: Severity, status: String, diagnostic: String) {
        self.origin = origin
        self.severity = severity
        self.status = status
        self.diagnostic = diagnostic
    }
}

/// What a bounce did to the panel.
public enum BounceEffect: Sendable, Equatable {
    /// A hard bounce, or the soft one that reached the limit: no more mail to this panelist.
    case suspended(panelistId: Int64)
    /// A soft bounce counted; `softBounces` is the new count.
    case counted(panelistId: Int64, softBounces: Int)
    /// A soft bounce within a day of the last counted one, or a bounce for a panelist already suspended or erased.
    case unchanged(panelistId: Int64)
    /// Mail to a municipality or the moderator: recorded only.
    case notPanelist(outboxId: Int64, recipientKey: String)
    /// No outbox row could be trusted to be the one that bounced.
    case unmatched
    /// This spool file was filed before (a crash after filing, or another runner).
    case alreadyFiled
}

extension AppDatabase {
    /// Soft bounces, on different days, after which a panelist is suspended.
    public static let softBounceLimit = 5
    /// Soft bounces closer together than this count once.
    public static let softBounceInterval: TimeInterval = 86_400

    /// Records a bounce (disposition `bounce`, `detail` like `hard 5.1.1 p17 suspended`) and applies it to the panelist
    /// it is about, in one transaction: a hard bounce suspends at once; a soft one adds to `softBounces` at most once
    /// per `softBounceInterval` and suspends at `softBounceLimit`. A suspension is kept as it was (first time and
    /// reason) when more bounces follow. Idempotent by spool name.
    @discardableResult
    public func fileBounce(
        _ mail: InboundMail, notice: BounceNotice, now: Date, softBounceLimit: Int = AppDatabase.softBounceLimit
    ) throws -> (InboundMail, BounceEffect) {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == mail.spoolName).fetchOne(db) {
                return (existing, .alreadyFiled)
            }
            var mail = mail
            mail.disposition = .bounce
            let code = "\(notice.severity.rawValue) \(notice.status)"
            guard let outbox = try Self.bouncedMessage(db, origin: notice.origin) else {
                mail.detail = "\(code) unmatched"
                try mail.insert(db)
                return (mail, .unmatched)
            }
            mail.roundId = outbox.roundId
            guard let panelistId = outbox.panelistId, var panelist = try Panelist.fetchOne(db, key: panelistId) else {
                mail.detail = "\(code) outbox \(outbox.id!) \(outbox.recipientKey) not a panelist"
                try mail.insert(db)
                return (mail, .notPanelist(outboxId: outbox.id!, recipientKey: outbox.recipientKey))
            }
            mail.panelistId = panelistId
            let effect: BounceEffect
            var outcome: String
            if panelist.suspendedAt != nil || panelist.erasedAt != nil {
                effect = .unchanged(panelistId: panelistId)
                outcome = panelist.erasedAt != nil ? "erased" : "already suspended"
            } else if panelist.email.lowercased() != outbox.toAddress.lowercased() {
                // The panelist's address changed since this message went out: the new one may work.
                effect = .unchanged(panelistId: panelistId)
                outcome = "address changed since"
            } else if notice.severity == .hard {
                panelist.suspendedAt = now
                panelist.suspendReason = Self.reason("hard bounce \(notice.status)", notice.diagnostic)
                effect = .suspended(panelistId: panelistId)
                outcome = "suspended"
            } else if let last = panelist.lastSoftBounceAt, now.timeIntervalSince(last) < Self.softBounceInterval {
                effect = .unchanged(panelistId: panelistId)
                outcome = "\(panelist.softBounces)/\(softBounceLimit) counted today"
            } else {
                panelist.softBounces += 1
                panelist.lastSoftBounceAt = now
                outcome = "\(panelist.softBounces)/\(softBounceLimit)"
                if panelist.softBounces >= softBounceLimit {
                    panelist.suspendedAt = now
                    panelist.suspendReason = Self.reason(
                        "\(panelist.softBounces) soft bounces on different days, the last \(notice.status)",
                        notice.diagnostic)
                    effect = .suspended(panelistId: panelistId)
                    outcome += " suspended"
                } else {
                    effect = .counted(panelistId: panelistId, softBounces: panelist.softBounces)
                }
            }
            if effect != .unchanged(panelistId: panelistId) {
                panelist.updatedAt = now
                try panelist.update(db)
            }
            if case .suspended = effect {
                try Self.cancelUnsentMail(db, panelistId: panelistId, reason: "not sent: the address bounced, panelist suspended")
            }
            mail.detail = "\(code) p\(panelistId) \(outcome)"
            try mail.insert(db)
            return (mail, effect)
        }
    }

    /// The outbox row a bounce is about: by verified VERP id, or by Message-ID when a failed recipient is the address
    /// that row went to.
    static func bouncedMessage(_ db: Database, origin: BounceNotice.Origin) throws -> OutboxMessage? {
        switch origin {
        case .outbox(let id):
            return try OutboxMessage.fetchOne(db, key: id)
        case .messageId(let messageId, let recipients):
            guard let message = try OutboxMessage.filter(Column("messageId") == messageId).fetchOne(db) else { return nil }
            let failed = Set(recipients.map { $0.lowercased() })
            return failed.contains(message.toAddress.lowercased()) ? message : nil
        case .unknown:
            return nil
        }
    }

    static func reason(_ what: String, _ diagnostic: String) -> String {
        diagnostic.isEmpty ? what : "\(what): \(diagnostic)"
    }

    /// Takes a panelist back after a suspension by bounces (the moderator fixed the address, or the mailbox works
    /// again): clears the suspension and the soft-bounce count. Mail of rounds they are on reaches them again from
    /// the next step.
    @discardableResult
    public func resumePanelist(_ id: Int64, now: Date = Date()) throws -> Panelist {
        try writer.write { db in
            guard var panelist = try Panelist.fetchOne(db, key: id) else { throw StoreError.unknownPanelist }
            panelist.suspendedAt = nil
            panelist.suspendReason = nil
            panelist.softBounces = 0
            panelist.lastSoftBounceAt = nil
            panelist.updatedAt = now
            try panelist.update(db)
            return panelist
        }
    }

    /// The inbound row filed from this spool file, if any.
    public func inboundMail(spoolName: String) throws -> InboundMail? {
        try writer.read { db in try InboundMail.filter(Column("spoolName") == spoolName).fetchOne(db) }
    }
}
