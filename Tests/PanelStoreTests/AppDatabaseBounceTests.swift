import Foundation
import GRDB
import PanelCore
import Testing

@testable import PanelStore

/// Bounces against a real SQLite file: which panelist, suspended at once or scored once a day, and what stays untouched.
@Suite struct AppDatabaseBounceTests {
    static let domain = "t.example"

    /// A published round: one case mail per panelist in the outbox.
    func published(_ fixture: StoreFixture) throws -> (Round, [OutboxMessage]) {
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: Self.domain)
        return (round, try fixture.database.messages(roundId: round.id!))
    }

    func inbound(_ name: String, at date: Date) -> InboundMail {
        InboundMail(
            spoolName: name, receivedAt: date, messageId: "\(name)@mta.example", fromAddress: "MAILER-DAEMON@mta.example",
            roundId: nil, panelistId: nil, disposition: .bounce, detail: nil, raw: Data("a bounce".utf8))
    }

    func hard(_ origin: BounceNotice.Origin) -> BounceNotice {
        BounceNotice(origin: origin, severity: .hard, status: "5.1.1", diagnostic: "550 5.1.1 [adres]: User unknown")
    }

    func soft(_ origin: BounceNotice.Origin) -> BounceNotice {
        BounceNotice(origin: origin, severity: .soft, status: "4.2.2", diagnostic: "452 4.2.2 Mailbox full")
    }

    @Test func aHardBounceSuspendsAtOnceAndTheRoundMailStops() throws {
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, messages) = try published(fixture)
        let bounced = messages[1]
        let panelistId = try #require(bounced.panelistId)
        let at = fixture.start.addingTimeInterval(600)

        // When a hard bounce names that case mail
        let (mail, effect) = try fixture.database.fileBounce(
            inbound("b1", at: at), notice: hard(.outbox(bounced.id!)), now: at)

        // Then the panelist is suspended, with when and why, and the inbound row says so without any mail text
        #expect(effect == .suspended(panelistId: panelistId))
        let panelist = try #require(try fixture.database.panelist(panelistId))
        #expect(panelist.suspendedAt == at)
        #expect(panelist.suspendReason == "hard bounce 5.1.1: 550 5.1.1 [adres]: User unknown")
        #expect(!panelist.isReachable(at: at))
        #expect(mail.disposition == .bounce && mail.detail == "hard 5.1.1 p\(panelistId) suspended")
        #expect(mail.panelistId == panelistId && mail.roundId == round.id)
        // And filing the same spool file again changes nothing
        let (again, repeated) = try fixture.database.fileBounce(
            inbound("b1", at: at), notice: hard(.outbox(bounced.id!)), now: at.addingTimeInterval(60))
        #expect(repeated == .alreadyFiled && again.id == mail.id)
        // And a second bounce keeps the first suspension as it was
        let (_, second) = try fixture.database.fileBounce(
            inbound("b2", at: at), notice: soft(.outbox(bounced.id!)), now: at.addingTimeInterval(3_600))
        #expect(second == .unchanged(panelistId: panelistId))
        #expect(try fixture.database.panelist(panelistId)?.suspendedAt == at)

        // When voting opens, the suspended panelist gets no vote mail; the others do
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: Self.domain)
        let votes = try fixture.database.messages(roundId: round.id!).filter { $0.kind == .vote }
        #expect(votes.count == 2 && !votes.contains { $0.panelistId == panelistId })
    }

    @Test func aSuspensionGivesUpTheMailNotYetSent() throws {
        // Given a round in voting whose case mail went out and whose vote mail waits (outside the sending window)
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, caseMails) = try published(fixture)
        try fixture.database.markSent(caseMails.map { ($0.id!, 250) }, now: fixture.start)
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: Self.domain)
        let bounced = caseMails[1]
        let panelistId = try #require(bounced.panelistId)

        // When the case mail bounces hard
        let at = round.voteAt.addingTimeInterval(60)
        _ = try fixture.database.fileBounce(inbound("b1", at: at), notice: hard(.outbox(bounced.id!)), now: at)

        // Then their vote mail is given up with the reason (the address is not tried again); the others' still waits
        let votes = try fixture.database.messages(roundId: round.id!).filter { $0.kind == .vote }
        #expect(votes.count == 3)
        for vote in votes {
            if vote.panelistId == panelistId {
                #expect(vote.state == .failed && vote.lastError == "not sent: the address bounced, panelist suspended")
            } else {
                #expect(vote.state == .pending)
            }
        }
        #expect(try fixture.database.messages().filter { $0.kind == .caseMail }.allSatisfy { $0.state == .sent })
    }

    @Test func softBouncesCountOnceADayAndSuspendAtTheLimit() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let (_, messages) = try published(fixture)
        let outboxId = messages[0].id!
        let panelistId = messages[0].panelistId!
        var at = fixture.start

        // Given two soft bounces an hour apart: one counts
        let (first, counted) = try fixture.database.fileBounce(
            inbound("s1", at: at), notice: soft(.outbox(outboxId)), now: at, softBounceLimit: 3)
        #expect(counted == .counted(panelistId: panelistId, softBounces: 1))
        #expect(first.detail == "soft 4.2.2 p\(panelistId) 1/3")
        let (sameDay, ignored) = try fixture.database.fileBounce(
            inbound("s2", at: at), notice: soft(.outbox(outboxId)), now: at.addingTimeInterval(3_600), softBounceLimit: 3)
        #expect(ignored == .unchanged(panelistId: panelistId))
        #expect(sameDay.detail == "soft 4.2.2 p\(panelistId) 1/3 counted today")
        // When a day later another comes, it counts
        at = at.addingTimeInterval(86_400)
        let (_, two) = try fixture.database.fileBounce(
            inbound("s3", at: at), notice: soft(.outbox(outboxId)), now: at, softBounceLimit: 3)
        #expect(two == .counted(panelistId: panelistId, softBounces: 2))
        #expect(try fixture.database.panelist(panelistId)?.suspendedAt == nil)
        // And the third day's reaches the limit and suspends
        at = at.addingTimeInterval(86_400)
        let (last, suspended) = try fixture.database.fileBounce(
            inbound("s4", at: at), notice: soft(.outbox(outboxId)), now: at, softBounceLimit: 3)
        #expect(suspended == .suspended(panelistId: panelistId))
        #expect(last.detail == "soft 4.2.2 p\(panelistId) 3/3 suspended")
        let panelist = try #require(try fixture.database.panelist(panelistId))
        #expect(panelist.softBounces == 3 && panelist.lastSoftBounceAt == at && panelist.suspendedAt == at)
        #expect(panelist.suspendReason == "3 soft bounces on different days, the last 4.2.2: 452 4.2.2 Mailbox full")
        // And the other panelist was never touched
        let other = try #require(try fixture.database.panelist(messages[1].panelistId!))
        #expect(other.softBounces == 0 && other.suspendedAt == nil)

        // When the moderator resumes the panelist, suspension and score are gone
        let resumed = try fixture.database.resumePanelist(panelistId, now: at)
        #expect(resumed.suspendedAt == nil && resumed.suspendReason == nil)
        #expect(resumed.softBounces == 0 && resumed.lastSoftBounceAt == nil && resumed.isReachable(at: at))
        #expect(throws: StoreError.unknownPanelist) { try fixture.database.resumePanelist(9_999) }
    }

    @Test func aMessageIDMatchesOnlyWithTheAddressItWentTo() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let (_, messages) = try published(fixture)
        let message = messages[0]

        // When a report without VERP names our Message-ID but another failed address (guessable IDs, forged report)
        let (forged, none) = try fixture.database.fileBounce(
            inbound("m1", at: fixture.start),
            notice: hard(.messageId(message.messageId, recipients: ["someone@else.example"])), now: fixture.start)
        // Then nothing happens but the record
        #expect(none == .unmatched && forged.detail == "hard 5.1.1 unmatched" && forged.panelistId == nil)
        #expect(try fixture.database.panelist(message.panelistId!)?.suspendedAt == nil)

        // When the failed address is the one the message went to (case aside)
        let (_, effect) = try fixture.database.fileBounce(
            inbound("m2", at: fixture.start),
            notice: hard(.messageId(message.messageId, recipients: [message.toAddress.uppercased()])), now: fixture.start)
        // Then it counts
        #expect(effect == .suspended(panelistId: message.panelistId!))

        // And a bounce without any clue is recorded only
        let (unknown, nothing) = try fixture.database.fileBounce(
            inbound("m3", at: fixture.start), notice: hard(.unknown), now: fixture.start)
        #expect(nothing == .unmatched && unknown.detail == "hard 5.1.1 unmatched")
    }

    @Test func anOldAddressThatBouncesDoesNotSuspendTheNewOne() throws {
        let fixture = try StoreFixture(panelSize: 1)
        defer { fixture.remove() }
        let (_, messages) = try published(fixture)
        let panelistId = messages[0].panelistId!
        // Given the moderator corrected the panelist's address after the case mail went out
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE panelist SET email = 'nieuw@example.nl' WHERE id = ?", arguments: [panelistId])
        }
        // When the old address bounces
        let (mail, effect) = try fixture.database.fileBounce(
            inbound("o1", at: fixture.start), notice: hard(.outbox(messages[0].id!)), now: fixture.start)
        // Then the panelist keeps receiving mail
        #expect(effect == .unchanged(panelistId: panelistId))
        #expect(mail.detail == "hard 5.1.1 p\(panelistId) address changed since")
        #expect(try fixture.database.panelist(panelistId)?.suspendedAt == nil)
    }

    @Test func aBounceForTheMunicipalityIsRecordedOnly() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        let (round, _) = try published(fixture)
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: Self.domain)
        try fixture.database.take(.close, roundId: round.id!, now: round.deadline, messageDomain: Self.domain)
        let verdict = try #require(try fixture.database.messages(roundId: round.id!).first { $0.kind == .verdict })

        // When the verdict to the municipality bounces
        let (mail, effect) = try fixture.database.fileBounce(
            inbound("v1", at: round.deadline), notice: hard(.outbox(verdict.id!)), now: round.deadline)

        // Then it is recorded with the outbox row, and no panelist changes
        #expect(effect == .notPanelist(outboxId: verdict.id!, recipientKey: "mutrecht"))
        #expect(mail.detail == "hard 5.1.1 outbox \(verdict.id!) mutrecht not a panelist" && mail.panelistId == nil)
        #expect(try fixture.database.panelists(municipalityId: "utrecht").allSatisfy { $0.suspendedAt == nil })
    }

    @Test func panelistsAreFoundByAddressWhateverItsCase() throws {
        let fixture = try StoreFixture(panelSize: 2)
        defer { fixture.remove() }
        #expect(try fixture.database.panelists(email: "P2@Example.NL").map(\.email) == ["p2@example.nl"])
        #expect(try fixture.database.panelists(email: "nobody@example.nl").isEmpty)
    }
}
