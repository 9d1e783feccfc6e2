import Foundation
import GRDB
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail
@testable import PanelStore

/// A message that can never be filed leaves the retry loop after `Mailroom.filingAttempts` passes, is kept in
/// `Queue/unfiled/` with the reason, and can be filed again once the cause is gone.
@Suite struct MailroomUnfiledTests {
    let round = MailroomBounceTests()

    @Test func aMessageThatAlwaysFailsIsSetAsideAndCanBeFiledAgain() throws {
        defer { try? FileManager.default.removeItem(at: round.folder) }
        let (mailroom, messages) = try round.published()
        let to = try round.replyAddress(of: "anna@example.nl", in: messages)
        let later = round.start.addingTimeInterval(3600)
        // Given a database that refuses every inbound row (as a bug or a broken constraint would)
        try mailroom.database.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON inbound BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        let name = try mailroom.accept(
            MailroomBounceTests.reply(
                from: "anna@example.nl", to: to, body: "Twee uur hulp is te weinig voor iemand met artrose in beide handen.",
                id: "u1"), now: later)
        #expect(throws: (any Error).self) { try mailroom.process(name: name, now: later) }

        // When the tick tries it again and again
        for pass in 1..<Mailroom.filingAttempts {
            let report = mailroom.processLeftovers(now: later, settle: -1)
            // Then it stays in incoming/ until the last attempt
            #expect(report.filed.isEmpty && report.setAside.isEmpty, "pass \(pass)")
            #expect(mailroom.spool.names(in: .incoming).contains(name))
        }
        let last = mailroom.processLeftovers(now: later, settle: -1)

        // Then the last attempt moves it to unfiled/, says so once, and the next pass has nothing left to try
        #expect(last.setAside.count == 1)
        #expect(last.setAside.first?.contains("refused") == true)
        #expect(!mailroom.spool.names(in: .incoming).contains(name))
        #expect(mailroom.spool.names(in: .unfiled).contains(name))
        let why = String(decoding: try #require(mailroom.spool.read(.unfiled, name: name + ".why")), as: UTF8.self)
        #expect(why.contains("\(Mailroom.filingAttempts) attempts") && why.contains("refused"))
        let after = mailroom.processLeftovers(now: later, settle: -1)
        #expect(after.filed.isEmpty && after.setAside.isEmpty)

        // When the cause is fixed and the message is filed again
        try mailroom.database.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        try mailroom.spool.refile(name)
        let result = try mailroom.process(name: name, now: later)

        // Then it is an argument like any other, and gone from the spool
        #expect(result == .filed(.argument))
        #expect(!mailroom.spool.names(in: .incoming).contains(name))
        #expect(!mailroom.spool.names(in: .unfiled).contains(name))
    }

    @Test func aFailureThatPassesLeavesNoCountBehind() throws {
        defer { try? FileManager.default.removeItem(at: round.folder) }
        let (mailroom, messages) = try round.published()
        let to = try round.replyAddress(of: "anna@example.nl", in: messages)
        let later = round.start.addingTimeInterval(3600)
        try mailroom.database.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON inbound BEGIN SELECT RAISE(ABORT, 'busy'); END")
        }
        let name = try mailroom.accept(
            MailroomBounceTests.reply(
                from: "anna@example.nl", to: to, body: "De dochter kan best een keer per week de was doen.", id: "u2"), now: later
        )
        _ = mailroom.processLeftovers(now: later, settle: -1)
        #expect(mailroom.failedAttempts(name) == 1)

        // When the database takes it on the next pass
        try mailroom.database.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let report = mailroom.processLeftovers(now: later, settle: -1)

        // Then it is filed and its count of failures is gone with it
        #expect(report.filed == [.filed(.argument)])
        #expect(mailroom.spool.names(in: .incoming).isEmpty)
    }

    @Test func theFilingTransactionChecksMembershipItself() throws {
        defer { try? FileManager.default.removeItem(at: round.folder) }
        let (mailroom, messages) = try round.published()
        let message = try #require(messages.first { $0.toAddress == "anna@example.nl" })
        // Given her membership gone after the mailroom's first look (an erasure or a removal in between)
        try mailroom.database.writer.write { db in
            try db.execute(sql: "DELETE FROM roundMember WHERE panelistId = ?", arguments: [message.panelistId])
        }
        let filing = ReplyFiling(
            spoolName: "x.eml", raw: Data(), messageId: "u3@bewoners.example", fromAddress: "anna@example.nl",
            roundId: message.roundId!, panelistId: message.panelistId!, text: "Ik ben tegen.", parentNumber: nil,
            flags: [], attachmentCount: 0)

        // Then neither an argument nor a question is filed for her: the mailroom files the mail as for nobody we know
        #expect(throws: StoreError.notInPanel) {
            try mailroom.database.fileReply(filing, now: round.start, messageDomain: "t.example", moderatorAddress: nil)
        }
        #expect(throws: StoreError.notInPanel) {
            try mailroom.database.fileQuestion(filing, now: round.start, messageDomain: "t.example")
        }
        #expect(try mailroom.stillMember { () throws -> Int in throw StoreError.notInPanel } == nil)
    }
}
