import Foundation
import GRDB
import Logging
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail
@testable import PanelStore

/// A relay that is down: every due message is deferred, a batch per transaction, not one commit per message.
@Suite struct DeadRelayTests {
    /// Counts committed transactions that changed the outbox.
    final class CommitCounter: TransactionObserver, @unchecked Sendable {
        var commits = 0
        var changed = false
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { eventKind.tableName == "outbox" }
        func databaseDidChange(with event: DatabaseEvent) { changed = true }
        func databaseDidCommit(_ db: Database) {
            if changed { commits += 1 }
            changed = false
        }
        func databaseDidRollback(_ db: Database) { changed = false }
    }

    @Test func aDeadRelayDefersTheQueueInAFewTransactions() throws {
        let base = CourierTests()
        defer { try? FileManager.default.removeItem(at: base.folder) }
        // Given 1,200 case mails queued and a relay that refuses every connection
        let database = try base.published((1...1_200).map { "p\($0)@example.nl" })
        let courier = try base.courier(database, smtp: "smtp://127.0.0.1:1")
        try courier.spool.prepare()
        #expect(try courier.renderPending(now: base.start) == 1_200)
        let counter = CommitCounter()
        database.writer.add(transactionObserver: counter, extent: .observerLifetime)

        // When a pass tries to deliver them
        var report = DeliveryReport()
        try courier.deliver(now: base.start, into: &report)

        // Then every one is deferred: what each connection tried on its own (a message or two before it gives up on
        // the relay), the rest a batch of 500 per commit — a dozen transactions, not 1,200
        #expect(report.deferred == 1_200 && report.sent == 0)
        #expect(try database.queueStatus().counts == [.deferred: 1_200])
        let bound = 2 * courier.delivery.connections + 1_200 / Courier.batchSize + 2
        #expect(counter.commits <= bound, "\(counter.commits) transactions, at most \(bound) expected")
    }
}
