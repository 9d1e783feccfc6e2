import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// Records a spam complaint about one of our messages (disposition `complaint`, `detail` like
    /// `complaint p17 unsubscribed`) and unsubscribes the panelist it was sent to, in one transaction: someone who
    /// calls our mail spam gets no more of it, and their unsent mail is given up. The message is found as a bounce's
    /// is (`bouncedMessage`); without one, a panelist named by a signed reply address in the report counts.
    /// Idempotent by spool name. No complaint is ever answered.
    @discardableResult
    public func fileComplaint(_ mail: InboundMail, origin: BounceNotice.Origin, panelistId named: Int64?, now: Date) throws
        -> InboundMail
    {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == mail.spoolName).fetchOne(db) { return existing }
            var mail = mail
            mail.disposition = .complaint
            let outbox = try Self.bouncedMessage(db, origin: origin)
            mail.roundId = outbox?.roundId
            guard let panelistId = outbox?.panelistId ?? (outbox == nil ? named : nil),
                var panelist = try Panelist.fetchOne(db, key: panelistId)
            else {
                mail.detail =
                    outbox.map { "complaint outbox \($0.id!) \($0.recipientKey) not a panelist" } ?? "complaint unmatched"
                try mail.insert(db)
                return mail
            }
            mail.panelistId = panelistId
            if panelist.status == .unsubscribed || panelist.erasedAt != nil {
                mail.detail = "complaint p\(panelistId) already unsubscribed"
            } else {
                panelist.status = .unsubscribed
                panelist.updatedAt = now
                try panelist.update(db)
                try Self.cancelUnsentMail(db, panelistId: panelistId, reason: "not sent: the panelist complained of spam")
                mail.detail = "complaint p\(panelistId) unsubscribed"
            }
            try mail.insert(db)
            return mail
        }
    }

    /// Spam complaints received, for `/metrics` and `queue status`.
    public func complaintCount() throws -> Int {
        try writer.read { db in
            try InboundMail.filter(Column("disposition") == InboundMail.Disposition.complaint.rawValue).fetchCount(db)
        }
    }
}
