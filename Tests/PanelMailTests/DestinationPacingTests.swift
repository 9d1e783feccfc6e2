import Foundation
import Logging
import PanelCore
import PanelStore
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// Per-destination pacing and a new domain's warm-up (issue 15, item 7).
@Suite struct DestinationPacingTests {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    func pacing(_ rates: [String: Double], warmUpStart: String? = nil) throws -> DestinationPacing {
        try DestinationPacing.configured(perMinute: rates, warmUpStart: warmUpStart, timeZone: amsterdam)
    }

    @Test func anAddressBelongsToItsProviderByDomain() throws {
        let pacing = try pacing(["gmail": 600, "outlook": 300, "ziggo": 120])
        #expect(pacing.provider(for: "anna@gmail.com")?.name == "gmail")
        #expect(pacing.provider(for: "Anna@GoogleMail.COM")?.name == "gmail")
        #expect(pacing.provider(for: "bram@hotmail.nl")?.name == "outlook")
        #expect(pacing.provider(for: "cor@home.nl")?.name == "ziggo")
        #expect(pacing.provider(for: "dirk@kpnmail.nl") == nil)  // KPN not configured: not paced
        #expect(pacing.provider(for: "eva@gmail.com.example") == nil && pacing.provider(for: "geen-adres") == nil)
    }

    @Test func aProviderIsHeldToItsRateAndOthersAreNot() throws {
        // Given Gmail at 60 a minute (one a second) and Outlook at 120
        let pacer = try #require(DestinationPacer(try pacing(["gmail": 60, "outlook": 120])))
        // When four Gmail messages and two Outlook messages ask at the same moment
        let gmail = (0..<4).map { _ in pacer.reserve(for: "x@gmail.com", at: 100) }
        let outlook = (0..<2).map { _ in pacer.reserve(for: "y@outlook.com", at: 100) }
        // Then Gmail's are a second apart, Outlook's half a second, and other domains never wait
        #expect(gmail.map { ($0 * 1000).rounded() } == [0, 1000, 2000, 3000])
        #expect(outlook.map { ($0 * 1000).rounded() } == [0, 500])
        #expect(pacer.reserve(for: "z@ziggo.nl", at: 100) == 0 && pacer.reserve(for: "z@example.nl", at: 100) == 0)
        // And a second later one more Gmail token has come: the queue moved one place, not two
        #expect((pacer.reserve(for: "x@gmail.com", at: 101) * 1000).rounded() == 3000)
    }

    @Test func noProvidersMeansNoPacer() {
        #expect(DestinationPacer(DestinationPacing()) == nil)
    }

    @Test func theWarmUpGrowsByDayInLocalTimeAndEnds() throws {
        let warmUp = WarmUpFixture.warmUp(start: "2026-12-01", in: amsterdam)
        func limit(_ iso: String) -> Int? { warmUp.dailyLimit(on: ISOTime.parse(iso)!, timeZone: amsterdam) }
        #expect(limit("2026-11-30T12:00:00+01:00") == 0)  // before the start: nothing
        #expect(limit("2026-12-01T00:05:00+01:00") == 200)
        #expect(limit("2026-12-01T23:30:00Z") == 300)  // already 2 December in Amsterdam
        #expect(limit("2026-12-03T12:00:00+01:00") == 450)
        #expect(limit("2026-12-13T12:00:00+01:00") == 25_949)  // 200 × 1.5^12
        #expect(limit("2026-12-20T12:00:00+01:00") == nil)  // past 100,000: warmed up, no limit
    }

    @Test func aConfigurationThatCannotBeMeantIsRefusedWithTheReason() {
        #expect(throws: PacingConfigurationError.unknownProvider("hotmial", known: DestinationPacing.knownDomains.keys.sorted()))
        {
            try DestinationPacing.configured(perMinute: ["hotmial": 10], warmUpStart: nil, timeZone: amsterdam)
        }
        #expect(throws: PacingConfigurationError.rate("gmail")) {
            try DestinationPacing.configured(perMinute: ["gmail": 0], warmUpStart: nil, timeZone: amsterdam)
        }
        #expect(throws: PacingConfigurationError.start("2026-02-30")) {
            try DestinationPacing.configured(perMinute: [:], warmUpStart: "2026-02-30", timeZone: amsterdam)
        }
        #expect(throws: PacingConfigurationError.warmUp("growth must be from 1 to 10")) {
            try DestinationPacing.configured(perMinute: [:], warmUpStart: "2026-12-01", growth: 0.5, timeZone: amsterdam)
        }
    }

    // MARK: In a delivery pass

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-pacing-\(UUID().uuidString)")
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    func courier(_ database: AppDatabase, url: String, delivery: DeliverySettings) throws -> Courier {
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped]),
            signer: TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))]),
            settings: MailSettings(from: MailAddress("panel@tweedemening.example"), baseURL: "http://127.0.0.1:1"))
        let courier = Courier(
            database: database, spool: Spool(root: folder.appendingPathComponent("Queue")), composer: composer,
            smtp: SMTPSettings(url: url), delivery: delivery, logger: Logger(label: "test"))
        try courier.spool.prepare()
        return courier
    }

    @Test func aPacedProviderGetsItsRateOverAllConnectionsWhileOtherDomainsDoNotWait() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given 6 Gmail and 6 other recipients, Gmail at 600 a minute (10 a second), four connections
        let sink = try SMTPSink()
        defer { sink.stop() }
        let gmail = (0..<6).map { "lid\($0)@gmail.com" }
        let database = try publishedRound(in: folder, emails: gmail + (0..<6).map { "lid\($0)@example.nl" }, start: start)
        let courier = try courier(
            database, url: sink.url,
            delivery: DeliverySettings(connections: 4, pacing: try pacing(["gmail": 600])))
        _ = try courier.renderPending(now: start)
        // When the pass delivers
        let began = Date()
        var report = DeliveryReport()
        try courier.deliver(now: start, into: &report)
        // Then all 12 went, and the five gaps between Gmail's six took at least 5 × 100 ms (sleep never ends early)
        #expect(report.sent == 12)
        #expect(Date().timeIntervalSince(began) >= 0.5)
    }

    @Test func aWarmingUpDomainSendsNoMoreThanTheDaysLimitAndTheRestWaitsUntried() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a round to 12 panelists, and a domain whose first day allows 5 messages
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try publishedRound(
            in: folder, emails: (0..<12).map { "lid\($0)@example.nl" }, start: start)
        var pacing = DestinationPacing()
        pacing.warmUp = DestinationPacing.WarmUp(start: start, firstDay: 5, growth: 2)
        let courier = try courier(database, url: catcher.url, delivery: DeliverySettings(connections: 2, pacing: pacing))
        // When the courier runs twice on the first day
        let first = try courier.run(now: start)
        let again = try courier.run(now: start.addingTimeInterval(3_600))
        // Then 5 went out, and the other 7 are still queued, untried (no attempt, no deferral)
        #expect(first.sent == 5 && again.sent == 0 && first.deferred == 0)
        #expect(catcher.waitForMessages(count: 5, timeout: 5).count == 5)
        #expect(try database.queueStatus().counts == [.sent: 5, .queued: 7])
        // And the next day allows 10: the remaining 7 go
        #expect(try courier.run(now: start.addingTimeInterval(86_400)).sent == 7)
        #expect(try database.queueStatus().counts == [.sent: 12])
    }
}

enum WarmUpFixture {
    static func warmUp(start: String, in timeZone: TimeZone) -> DestinationPacing.WarmUp {
        let pacing = try! DestinationPacing.configured(perMinute: [:], warmUpStart: start, timeZone: timeZone)
        return pacing.warmUp!
    }
}
