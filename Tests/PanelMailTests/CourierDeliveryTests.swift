import Foundation
import Logging
import PanelCore
import PanelStore
import Synchronization
import TestSupport
import Testing

@testable import MailFormat
@testable import PanelMail

/// Parallel delivery and failure handling, against real servers on loopback: Postfix's `smtp-sink` (which
/// can answer 421, 4xx, 5xx or hang up at any command), `scripts/smtp-catcher.py` (which fails an address
/// once) and `scripts/smtp-staller.py` (which stops talking).
@Suite struct CourierDeliveryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-delivery-\(UUID().uuidString)")
    let start = ISOTime.parse("2026-12-01T09:00:00+01:00")!

    /// A published round whose case mail goes to `emails`, in this order.
    func published(_ emails: [String]) throws -> AppDatabase {
        try publishedRound(in: folder, emails: emails, start: start)
    }

    func courier(_ database: AppDatabase, smtp: SMTPSettings, delivery: DeliverySettings) throws -> Courier {
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped]),
            signer: TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))]),
            settings: MailSettings(from: MailAddress("panel@tweedemening.example"), baseURL: "http://127.0.0.1:1"))
        let courier = Courier(
            database: database, spool: Spool(root: folder.appendingPathComponent("Queue")), composer: composer,
            smtp: smtp, delivery: delivery, logger: Logger(label: "test"))
        try courier.spool.prepare()
        return courier
    }

    func emails(_ count: Int, _ prefix: String = "lid") -> [String] {
        (0..<count).map { "\(prefix)\($0)@example.nl" }
    }

    // MARK: Parallel

    @Test func manyMessagesOverFourConnectionsArriveExactlyOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a round to 300 panelists and smtp-sink dumping every transaction
        let sink = try SMTPSink()
        defer { sink.stop() }
        let panel = emails(300)
        let database = try published(panel)
        let courier = try courier(database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 4))
        // When the courier runs twice
        let report = try courier.run(now: start)
        let again = try courier.run(now: start)
        // Then every message went out once: the report, the outbox, the spool and the sink agree
        #expect(report.rendered == 300 && report.sent == 300 && report.deferred == 0 && report.failed == 0)
        #expect(again.sent == 0)
        let received = sink.waitForRecipients(count: 300, timeout: 10)
        #expect(received.count == 300)
        #expect(Set(received) == Set(panel))
        #expect(try database.queueStatus().counts == [.sent: 300])
        #expect(courier.spool.names(in: .outgoing).isEmpty)
    }

    @Test func theWorkersUseSeveralConnectionsAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(emails(120))
        let courier = try courier(database, smtp: SMTPSettings(url: catcher.url), delivery: DeliverySettings(connections: 4))
        let report = try courier.run(now: start)
        #expect(report.sent == 120)
        let caught = catcher.waitForMessages(count: 120, timeout: 10)
        #expect(caught.count == 120)
        #expect(Set(caught.map(\.rcptTo)).count == 120)
        // One client port per connection: more than one, never more than four (a busy machine may start a
        // worker late enough that the others take everything).
        let peers = Set(caught.compactMap(\.peer))
        #expect((2...4).contains(peers.count), "peers: \(peers)")
    }

    @Test func aConnectionIsRecycledAfterItsMessageCount() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let database = try published(emails(12))
        let courier = try courier(
            database, smtp: SMTPSettings(url: catcher.url),
            delivery: DeliverySettings(connections: 1, recycleAfterMessages: 5))
        #expect(try courier.run(now: start).sent == 12)
        let caught = catcher.waitForMessages(count: 12, timeout: 5)
        // 5 + 5 + 2 messages: three sessions, in order
        let peers = caught.compactMap(\.peer)
        #expect(peers.count == 12 && Set(peers).count == 3)
        #expect(Set(peers[0..<5]).count == 1 && Set(peers[5..<10]).count == 1 && Set(peers[10...]).count == 1)
    }

    @Test func aRateLimitHoldsForAllConnectionsTogether() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try SMTPSink()
        defer { sink.stop() }
        let database = try published(emails(12))
        let courier = try courier(
            database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 4, ratePerSecond: 20))
        _ = try courier.renderPending(now: start)
        // When 12 messages go at 20 a second over four connections
        let began = Date()
        var report = DeliveryReport()
        try courier.deliver(now: start, into: &report)
        // Then the eleven gaps after the first take at least 11 × 50 ms (a lower bound: sleeping never ends early)
        #expect(report.sent == 12)
        #expect(Date().timeIntervalSince(began) >= 0.5)
    }

    @Test func theTokenBucketSpacesTakesByItsRate() {
        let bucket = TokenBucket(rate: 10)
        // The first token is there; the next ones come a tenth of a second apart
        #expect(bucket.reserve(at: 100) == 0)
        #expect(abs(bucket.reserve(at: 100) - 0.1) < 1e-9)
        #expect(abs(bucket.reserve(at: 100) - 0.2) < 1e-9)
        // After a quiet second the bucket is full again, but holds only `burst` (1)
        #expect(bucket.reserve(at: 101.5) == 0)
        #expect(abs(bucket.reserve(at: 101.5) - 0.1) < 1e-9)
    }

    // MARK: Sessions the server ends

    @Test func aSessionEndedBy421OrADroppedConnectionIsRetriedOnAFreshOne() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a catcher that answers 421 and hangs up the first time it sees one address, and drops the
        // connection after the data of another
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        let panel = ["a@example.nl", "b-once421@example.nl", "c@example.nl", "d-droponce@example.nl", "e@example.nl"]
        let database = try published(panel)
        let courier = try courier(database, smtp: SMTPSettings(url: catcher.url), delivery: DeliverySettings(connections: 1))
        // When the pass runs over one connection
        let report = try courier.run(now: start)
        // Then both were retried at once on a fresh connection and everything arrived exactly once
        #expect(report.sent == 5 && report.deferred == 0, "\(report)")
        let caught = catcher.waitForMessages(count: 5, timeout: 5)
        #expect(caught.map(\.rcptTo).sorted() == panel.sorted())
        let peers = caught.compactMap(\.peer)
        #expect(Set(peers).count == 3, "one session, then a fresh one after the 421, another after the drop")
        #expect(try database.queueStatus().counts == [.sent: 5])
    }

    @Test(arguments: [("-Q", "421"), ("-q", "connection dropped")])
    func aRelayThatEndsEverySessionIsTriedTwiceThenTheRestIsDeferred(option: String, reason: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given smtp-sink answering 421 and disconnecting (-Q) or hanging up without a reply (-q) after every
        // message's final dot (it dumps the message before that, so the dumps count the attempts)
        let sink = try SMTPSink(options: [option, "."])
        defer { sink.stop() }
        let database = try published(emails(6))
        let courier = try courier(database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 1))
        // When the pass runs
        let report = try courier.run(now: start)
        // Then the first message was tried and retried once on a fresh connection, and the rest deferred untried
        #expect(report.sent == 0 && report.deferred == 6 && report.failed == 0)
        #expect(report.deferReasons.first?.contains(reason) == true, "\(report.deferReasons)")
        #expect(report.nextAttempt == start.addingTimeInterval(300))
        // smtp-sink writes a dump before it answers the final dot, and `run` returned after every answer: no attempt
        // can still arrive, so the count is final without waiting.
        let attempts = sink.waitForRecipients(count: 2, timeout: 5)
        #expect(sink.recipients().count == 2)
        #expect(attempts.count == 2 && Set(attempts).count == 1)
        #expect(try database.queueStatus().counts == [.deferred: 6])
        #expect(courier.spool.names(in: .outgoing).count == 6)
    }

    // MARK: Replies

    @Test func permanentRejectionsFailEveryMessageAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try SMTPSink(options: ["-f", "RCPT"])
        defer { sink.stop() }
        let database = try published(emails(5))
        let courier = try courier(database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 2))
        let report = try courier.run(now: start)
        // A 5xx is about the message, not the relay: every message is tried and fails, none is retried
        #expect(report.failed == 5 && report.sent == 0 && report.deferred == 0)
        #expect(report.failReasons.first?.contains("500") == true, "\(report.failReasons)")
        #expect(courier.spool.names(in: .dead).count == 5)
        #expect(try database.queueStatus().counts == [.failed: 5])
    }

    @Test func softRejectionsDeferEveryMessageWithBackoff() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try SMTPSink(options: ["-r", "RCPT"])
        defer { sink.stop() }
        let database = try published(emails(5))
        let courier = try courier(database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 2))
        let report = try courier.run(now: start)
        // A 450 is about the message: each one is tried (its own 450 recorded), none stops a worker
        #expect(report.deferred == 5 && report.sent == 0)
        #expect(report.nextAttempt == start.addingTimeInterval(300))
        #expect(try database.messages().allSatisfy { $0.lastCode == 450 })
    }

    @Test func aDeadRelayDefersThePassQuickly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let catcher = try SMTPCatcher()
        let url = catcher.url
        catcher.stop()
        let database = try published(emails(40))
        let courier = try courier(
            database, smtp: SMTPSettings(url: url, connectTimeout: 2), delivery: DeliverySettings(connections: 4))
        let report = try courier.run(now: start)
        #expect(report.deferred == 40 && report.sent == 0)
        #expect(report.deferReasons.allSatisfy { $0.contains("could not connect") }, "\(report.deferReasons)")
        // Two refused connections per worker, then the rest untried
        #expect(try database.messages().filter { $0.lastError?.contains("could not connect") == true }.count == 40)
    }

    // MARK: Asked to stop (a daemon shutting down)

    @Test func aPassAskedToStopLeavesTheRestQueuedAndUntried() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given 60 rendered messages and smtp-sink
        let sink = try SMTPSink()
        defer { sink.stop() }
        let panel = emails(60)
        let database = try published(panel)
        let courier = try courier(database, smtp: SMTPSettings(url: sink.url), delivery: DeliverySettings(connections: 2))
        _ = try courier.renderPending(now: start)
        // When the workers are told to stop after some twenty questions
        let asked = Mutex(0)
        var report = DeliveryReport()
        try courier.deliver(now: start, into: &report) {
            asked.withLock {
                $0 += 1; return $0 > 20
            }
        }
        // Then what was accepted is recorded and the rest stays queued: not deferred, no attempt counted
        #expect(report.sent > 0 && report.sent < 60 && report.deferred == 0 && report.failed == 0, "\(report)")
        #expect(try database.queueStatus().counts == [.sent: report.sent, .queued: 60 - report.sent])
        #expect(try database.messages().filter { $0.state == .queued }.allSatisfy { $0.attempts == 0 })
        // And the next pass delivers the rest: every panelist exactly once
        let rest = try courier.run(now: start)
        #expect(rest.sent == 60 - report.sent)
        let received = sink.waitForRecipients(count: 60, timeout: 10)
        #expect(received.sorted() == panel.sorted())
    }

    // MARK: A server that stops talking

    @Test func aStalledServerCostsTheStallTimeoutPerWorkerNotAMessageEach() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Given a server that takes the message data and never answers, and a 1 s stall timeout
        let staller = try SMTPStaller(mode: .data)
        defer { staller.stop() }
        let database = try published(emails(10))
        let courier = try courier(
            database, smtp: SMTPSettings(url: staller.url, timeout: 60, stallTimeout: 1),
            delivery: DeliverySettings(connections: 2))
        _ = try courier.renderPending(now: start)
        let began = Date()
        var report = DeliveryReport()
        try courier.deliver(now: start, into: &report)
        // Then each worker gave up after two stalls and the rest was deferred untried: about 2 s, not 10 × 60 s
        #expect(report.deferred == 10 && report.sent == 0)
        #expect(report.deferReasons.first?.contains("timed out") == true, "\(report.deferReasons)")
        #expect(Date().timeIntervalSince(began) < 30)
    }
}
