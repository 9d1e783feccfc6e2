import Foundation
import GRDB
import PanelCore

extension AppDatabase {
    /// A reply that was only VOOR or TEGEN: recorded exactly as the vote link records it (`recordVote`, the last vote
    /// counts), with a confirmation that says how to change it, in one transaction. Idempotent by spool name and by
    /// Message-ID. Voting closed or not open meanwhile: kept as `vote-word:not-open` with how to vote instead.
    @discardableResult
    public func fileVoteByReply(_ inbound: InboundMail, choice: VoteChoice, now: Date, messageDomain: String) throws
        -> InboundMail
    {
        try writer.write { db in
            guard let roundId = inbound.roundId, let panelistId = inbound.panelistId else { throw StoreError.unknownPanelist }
            if let existing = try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchOne(db)
                ?? Self.duplicate(db, messageId: inbound.messageId, roundId: roundId, panelistId: panelistId)
            {
                return existing
            }
            var windows: [Int64: VotingWindow] = [:]
            do {
                // A vote by reply takes its place in line when it is filed, like a click when its request arrives.
                _ = try Self.recordVote(
                    db, roundId: roundId, panelistId: panelistId, choice: choice, now: now, sequence: VoteSequence.next(),
                    windows: &windows)
            } catch StoreError.votingNotOpen, StoreError.votingClosed {
                var kept = inbound
                kept.disposition = .notArgument
                kept.detail = "vote-word:not-open"
                return try Self.keep(db, kept, answer: .howToVote, now: now, messageDomain: messageDomain)
            }
            var mail = inbound
            mail.disposition = .vote
            mail.detail = "vote:\(choice.rawValue)"
            return try Self.keep(db, mail, answer: .voteRecorded, now: now, messageDomain: messageDomain)
        }
    }

    /// A reply that is neither argument nor vote (`InboundMail.Disposition.notArgument`): kept for the moderator,
    /// never published; `answer` (how to vote) goes to the registered address, capped like every automatic answer.
    @discardableResult
    public func fileNotArgument(_ inbound: InboundMail, answer: MailKind?, now: Date, messageDomain: String) throws
        -> InboundMail
    {
        try writer.write { db in
            if let existing = try InboundMail.filter(Column("spoolName") == inbound.spoolName).fetchOne(db) {
                return existing
            }
            if let roundId = inbound.roundId, let panelistId = inbound.panelistId,
                let existing = try Self.duplicate(db, messageId: inbound.messageId, roundId: roundId, panelistId: panelistId)
            {
                return existing
            }
            return try Self.keep(db, inbound, answer: answer, now: now, messageDomain: messageDomain)
        }
    }

    static func keep(_ db: Database, _ inbound: InboundMail, answer: MailKind?, now: Date, messageDomain: String) throws
        -> InboundMail
    {
        var mail = inbound
        try mail.insert(db)
        if let answer, let roundId = mail.roundId, let panelistId = mail.panelistId,
            let panelist = try Panelist.fetchOne(db, key: panelistId), panelist.isAnswerable
        {
            let outbox = OutboxWriter(db: db, roundId: roundId, now: now, domain: messageDomain)
            _ = try outbox.add(
                answer, recipientKey: "p\(panelistId)", to: panelist.email, panelistId: panelistId, sequence: Int(mail.id!),
                inboundId: mail.id)
        }
        return mail
    }

    /// Undoes an unsubscribe (the link in the `unsubscribed` mail): the panelist is active again. An erased or
    /// suspended panelist stays as they are. Returns whether they are active now.
    @discardableResult
    public func resubscribe(panelistId: Int64, now: Date) throws -> Bool {
        try writer.write { db in
            guard var panelist = try Panelist.fetchOne(db, key: panelistId), panelist.erasedAt == nil else {
                throw StoreError.unknownPanelist
            }
            if panelist.status == .unsubscribed {
                panelist.status = .active
                panelist.updatedAt = now
                try panelist.update(db)
                try Self.audit(
                    db, actor: "panelist (link)", action: "panelist.resubscribe", subject: "panelist \(panelistId)", now: now)
            }
            return panelist.isAnswerable
        }
    }
}
