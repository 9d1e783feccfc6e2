import Foundation
import Logging
import PanelCore
import PanelStore
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// The outbox from database row to SMTP server: spool, delivery, deferral, failure.
@Suite struct CourierTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-courier-\(UUID().uuidString)")
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    func published(_ emails: [String]) throws -> AppDatabase {
        try publishedRound(in: folder, emails: emails, start: start)
    }

    func courier(
        _ database: AppDatabase, smtp: String, window: SendingWindow = .always, handoff: Handoff = Handoff()
    ) throws -> Courier {
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped]),
            signer: TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))]),
            settings: MailSettings(from: MailAddress("panel@tweedemening.example"), baseURL: "http://127.0.0.1:1"))
        return Courier(
            database: database, spool: Spool(root: folder.appendingPathComponent("Queue")), composer: composer,
            smtp: SMTPSettings(url: smtp), window: window, handoff: handoff, logger: Logger(label: "test"), renderThreads: 2)
    }

    @Test func deliversSpooledMailAndCleansTheSpool() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(["a@example.nl", "b@example.nl", "c@example.nl"])
        let courier = try courier(database, smtp: catcher.url)
        try courier.spool.prepare()
        // When the courier runs twice
        let report = try courier.run(now: start)
        let again = try courier.run(now: start)
        // Then each message arrived once, with our Message-ID, and the spool is empty
        #expect(report.rendered == 3 && report.sent == 3 && again.sent == 0)
        let caught = catcher.waitForMessages(count: 3, timeout: 5)
        #expect(Set(caught.map(\.rcptTo)) == ["a@example.nl", "b@example.nl", "c@example.nl"])
        #expect(caught.allSatisfy { $0.mailFrom == "panel@tweedemening.example" })
        #expect(Set(caught.compactMap { $0.header("Message-ID") }).count == 3)
        #expect(courier.spool.names(in: .outgoing).isEmpty)
        #expect(try database.queueStatus().counts[.sent] == 3)
    }

    @Test func aLostSpoolFileIsRenderedAgainIdentically() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(["a@example.nl"])
        let courier = try courier(database, smtp: catcher.url)
        try courier.spool.prepare()
        _ = try courier.renderPending(now: start)
        let name = try #require(courier.spool.names(in: .outgoing).first)
        let original = try #require(courier.spool.read(.outgoing, name: name))
        courier.spool.remove(.outgoing, name: name)
        var report = DeliveryReport()
        try courier.deliver(now: start, into: &report)
        #expect(report.sent == 1)
        let caught = try #require(catcher.waitForMessages(count: 1, timeout: 5).first)
        #expect(caught.raw.hasSuffix(String(decoding: original, as: UTF8.self).suffix(200)))
    }

    @Test func temporaryFailuresBackOffAndPermanentOnesFail() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(["defer-me@example.nl", "reject-me@example.nl", "ok@example.nl"])
        let courier = try courier(database, smtp: catcher.url)
        try courier.spool.prepare()
        let report = try courier.run(now: start)
        #expect(report.sent == 1 && report.deferred == 1 && report.failed == 1)
        #expect(report.nextAttempt == start.addingTimeInterval(300))
        #expect(report.failReasons.first?.contains("550") == true)
        #expect(courier.spool.names(in: .dead).count == 1)
        // Not yet due: nothing is tried
        var early = DeliveryReport()
        try courier.deliver(now: start.addingTimeInterval(60), into: &early)
        #expect(early.deferred == 0)
        // Due again: deferred again, with a doubled delay
        var second = DeliveryReport()
        try courier.deliver(now: start.addingTimeInterval(300), into: &second)
        #expect(second.deferred == 1 && second.nextAttempt == start.addingTimeInterval(300 + 600))
        // After the expiry period it fails
        var expired = DeliveryReport()
        try courier.deliver(now: start.addingTimeInterval(4 * 86_400), into: &expired)
        #expect(expired.failed == 1 && expired.failReasons.first?.contains("expired") == true)
        #expect(try database.queueStatus().counts == [.sent: 1, .failed: 2])
    }

    @Test func mailRenderedAtNightIsDatedWhenItLeavesAtEight() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(["a@example.nl"])
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        let leaving = ISOTime.parse("2026-12-02T08:00:05+01:00")!
        let courier = try courier(
            database, smtp: catcher.url, window: SendingWindow.parse("08:00-20:00", timeZone: amsterdam)!,
            handoff: Handoff(clock: { leaving }))
        try courier.spool.prepare()
        // Given mail rendered at three in the morning (its step's time is the Date in the spool)
        _ = try courier.run(now: ISOTime.parse("2026-12-02T03:00:00+01:00")!)
        let spooled = try #require(courier.spool.names(in: .outgoing).first.flatMap { courier.spool.read(.outgoing, name: $0) })
        #expect(!String(decoding: spooled, as: UTF8.self).contains("Date: Wed, 02 Dec 2026 07:00:05 +0000"))
        // When it is delivered at eight
        #expect(try courier.run(now: ISOTime.parse("2026-12-02T08:00:00+01:00")!).sent == 1)
        // Then it carries the moment it was handed to SMTP, once
        let caught = try #require(catcher.waitForMessages(count: 1, timeout: 5).first)
        #expect(caught.header("Date") == "Wed, 02 Dec 2026 07:00:05 +0000")
        #expect(caught.raw.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("Date:") }.count == 1)
    }

    @Test func nothingGoesOutAtNightButEverythingAtEight() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(["a@example.nl", "b@example.nl"])
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        let courier = try courier(database, smtp: catcher.url, window: SendingWindow.parse("08:00-20:00", timeZone: amsterdam)!)
        try courier.spool.prepare()
        // At three in the morning: rendered, held, nothing tried
        let night = try courier.run(now: ISOTime.parse("2026-12-02T03:00:00+01:00")!)
        #expect(night.rendered == 2 && night.sent == 0 && night.deferred == 0)
        #expect(night.heldUntil == ISOTime.parse("2026-12-02T08:00:00+01:00")!)
        #expect(catcher.messages().isEmpty)
        // At eight: delivered
        let morning = try courier.run(now: ISOTime.parse("2026-12-02T08:00:00+01:00")!)
        #expect(morning.sent == 2)
        #expect(catcher.waitForMessages(count: 2, timeout: 5).count == 2)
    }

    /// A round with mail of many kinds pending at once: case, acknowledgement, moderation, digest, vote, reminder,
    /// verdict and outcome, to the panelists with `names` (nil: none given); the first six wrote an argument, the
    /// first three voted for the decision and the next four against.
    func roundWithMailOfManyKinds(names: [String?]) throws -> (database: AppDatabase, round: Round, pending: [OutboxMessage]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("c.sqlite").path)
        try database.addMunicipality(id: "ede", name: "Gemeente Ede", email: "wmo@ede.example")
        _ = try database.importPanel(
            municipalityId: "ede", rows: names.enumerated().map { PanelistRow(email: "p\($0 + 1)@example.nl", name: $1) })
        let text =
            "---\ntitle: Traplift <b>één</b>\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\nAfgewezen.\n# Standpunt gemeente\n- Verhuizen is **goedkoper**\n# Standpunt aanvrager\nBlijven.\n# Kaders\nWmo 2015\n# Vraag aan het panel\nSteunt u het besluit?\n"
        let caseId = try database.submitCase(municipalityId: "ede", file: try CaseFile.parse(text), source: text)
        let round = try database.approveCase(
            caseId, CaseApproval(timeline: try Timeline.make(publishAt: start.addingTimeInterval(60)), override: true))
        let id = round.id!
        let domain = "tweedemening.example"
        try database.take(.publish, roundId: id, now: round.publishAt, messageDomain: domain)
        let panel = try database.panelists(municipalityId: "ede").map { $0.id! }
        for (index, panelistId) in panel.prefix(6).enumerated() {
            try database.fileReply(
                ReplyFiling(
                    spoolName: "m\(index)", raw: Data(), messageId: "m\(index)@x", fromAddress: nil, roundId: id,
                    panelistId: panelistId, text: "Argument \(index): de kosten = hoog, en de buurt telt.\n. Punt.",
                    parentNumber: index > 2 ? 1 : nil, flags: index == 5 ? [.personalData] : [],
                    attachmentCount: index == 4 ? 2 : 0),
                now: round.publishAt.addingTimeInterval(3_600), messageDomain: domain, moderatorAddress: "mod@example.nl")
        }
        try database.take(.sendDigest, roundId: id, now: round.publishAt.addingTimeInterval(3 * 86_400), messageDomain: domain)
        try database.take(.openVoting, roundId: id, now: round.voteAt, messageDomain: domain)
        for (index, panelistId) in panel.prefix(7).enumerated() {
            _ = try database.castVote(
                roundId: id, panelistId: panelistId, choice: index < 3 ? .support : .oppose, now: round.voteAt)
        }
        try database.take(.remindVoters, roundId: id, now: round.voteReminderAt, messageDomain: domain)
        try database.take(.close, roundId: id, now: round.deadline, messageDomain: domain)
        let pending = try database.pendingMessages(limit: 1_000)
        #expect(Set(pending.map(\.kind)).isSuperset(of: [.caseMail, .acknowledgement, .moderation, .vote, .verdict, .outcome]))
        return (database, round, pending)
    }

    /// Each message rendered alone: the plain path the render pass must match byte for byte.
    func renderedOneByOne(_ pending: [OutboxMessage], _ database: AppDatabase, _ composer: MessageComposer) throws -> [String:
        [UInt8]]
    {
        var plain: [String: [UInt8]] = [:]
        for message in pending {
            plain[message.spoolName] = try composer.compose(try database.mailContext(message)).rendered()
        }
        return plain
    }

    @Test func aRenderPassWritesTheBytesOfRenderingOneByOne() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given mail of many kinds, to panelists with and without a name, with and without a vote
        let (database, round, pending) = try roundWithMailOfManyKinds(
            names: (0..<12).map { $0 % 3 == 0 ? nil : "Panellid \($0) Ëlse" })

        // When each is rendered alone (the plain path), and then all by one render pass
        let courier = try courier(database, smtp: "smtp://127.0.0.1:1")
        try courier.spool.prepare()
        let plain = try renderedOneByOne(pending, database, courier.composer)
        let rendered = try courier.renderPending(now: round.deadline)

        // Then every spool file holds exactly the bytes of the plain path
        #expect(rendered == pending.count)
        for message in pending {
            let spooled = try #require(courier.spool.read(.outgoing, name: message.spoolName))
            #expect(spooled == plain[message.spoolName], "\(message.kind.rawValue) \(message.recipientKey)")
        }
    }

    @Test func prerenderedMailFillsInAwkwardNamesAsMustacheDoes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given panelists whose names hold what HTML escapes (also followed by a combining mark, which makes it part
        // of another character), quotes, non-ASCII and spaces; some without a name; one whose name looks like our
        // marker and one with a line separator (both must be rendered by Mustache)
        let marker = PrerenderedMail.marker(0)
        let names: [String?] = [
            nil, "Jan & Piet", "<script>alert('x')</script>", "Els \"Ella\" de Vries", "D'Arcy O'Neill", "Kees\(marker)",
            "Zoë Ŵaalewijn-Ëlse", nil, "&\u{301}ric <\u{338}b> \"\u{308}", "👩🏽‍🔬 Fatima ‘Fa’ “Fa” el-Amrani", "  Piet  ",
            "Rian\u{2028}Kok",
        ]
        let (database, _, pending) = try roundWithMailOfManyKinds(names: names)
        let courier = try courier(database, smtp: "smtp://127.0.0.1:1")
        let plain = try renderedOneByOne(pending, database, courier.composer)

        // When one render pass composes them all
        var pass = RenderPass(composer: courier.composer)
        for message in pending {
            let bytes = try pass.compose(try database.mailContext(message)).rendered()
            // Then each is the bytes of the plain path
            #expect(bytes == plain[message.spoolName], "\(message.kind.rawValue) \(message.recipientKey)")
        }
        // And the case, digest, vote, reminder and outcome mail came from prerendered parts from their second
        // recipient on, so the names above were filled in by the pass, not by Mustache (the verdict has one)
        let prerendered = Set(pass.prerendered.filter { $0.value != nil }.map(\.key.key.kind))
        #expect(prerendered == [.caseMail, .digest, .vote, .voteReminder, .outcome])
        // While the marker and the line separator made those two recipients' strings unfit
        for name in [names[5]!, names[11]!] {
            #expect(!PrerenderedMail.isPlain("Beste \(name),"))
        }
    }

    @Test func aTemplateThatTransformsAValueIsNotPrerendered() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given an operator's vote mail that shouts the greeting: a marker comes through that unchanged
        let overrides = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(
            at: overrides.appendingPathComponent("nl"), withIntermediateDirectories: true)
        try Data("{{%CONTENT_TYPE: TEXT}}\n{{uppercased(greeting)}}\n{{support_url}}\n".utf8)
            .write(to: overrides.appendingPathComponent("nl/vote-text.mustache"))
        let (database, _, pending) = try roundWithMailOfManyKinds(names: ["Ans", nil, "Bo", "Cor", nil, "Dirk", "Eva"])
        let shipped = try courier(database, smtp: "smtp://127.0.0.1:1").composer
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped, overrides]), signer: shipped.signer,
            settings: shipped.settings)
        let plain = try renderedOneByOne(pending, database, composer)

        // When one render pass composes them all
        var pass = RenderPass(composer: composer)
        for message in pending {
            let bytes = try pass.compose(try database.mailContext(message)).rendered()
            // Then each is the bytes of the plain path
            #expect(bytes == plain[message.spoolName], "\(message.kind.rawValue) \(message.recipientKey)")
        }
        // Because the vote mail was left to Mustache, and only it
        let vote = pass.prerendered.filter { $0.key.key.kind == .vote }
        #expect(!vote.isEmpty && vote.allSatisfy { $0.value == nil })
        #expect(pass.prerendered.contains { $0.key.key.kind == .caseMail && $0.value != nil })
    }

    @Test func retryDelaysGrowToAnHour() {
        let policy = RetryPolicy()
        #expect((1...6).map { policy.delay(afterAttempts: $0) } == [300, 600, 1_200, 2_400, 3_600, 3_600])
    }
}

/// What a crash leaves in the spool is cleared by the next tick; what is still to be sent stays.
@Suite struct SpoolSweeperTests {
    @Test func sentAndVanishedFilesGoQueuedOnesStay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-sweep-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try publishedRound(
            in: folder, emails: ["p1@example.nl", "p2@example.nl", "p3@example.nl"], start: Date() - 60)
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let messages = try database.pendingMessages(limit: 10)
        for message in messages { try spool.write(Array("mail".utf8), to: .outgoing, name: message.spoolName) }
        try database.markQueued(messages.map { $0.id! }, now: Date())
        try database.markSent(messages[0].id!, code: 250, now: Date())
        try spool.write(Array("gone".utf8), to: .outgoing, name: "9999-case.eml")
        let stale = spool.url(.tmp, "x.eml.1.tmp").path
        FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        try FileManager.default.setAttributes([.modificationDate: Date() - 7_200], ofItemAtPath: stale)
        FileManager.default.createFile(atPath: spool.url(.tmp, "y.eml.2.tmp").path, contents: Data("now".utf8))

        #expect(try SpoolSweeper(database: database, spool: spool).sweep() == 3)
        #expect(spool.names(in: .outgoing) == messages.dropFirst().map(\.spoolName).sorted())
        #expect(spool.names(in: .tmp) == ["y.eml.2.tmp"])
    }
}
