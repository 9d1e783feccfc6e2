import Foundation
import GRDB
import PanelCore
import Testing

@testable import PanelStore

/// Beside Litestream (`replication = "litestream"`) the program leaves the WAL checkpoints to it.
@Suite struct ReplicationTests {
    @Test func litestreamOwnsTheCheckpoints() throws {
        // Given one database on its own and one replicated by Litestream
        let alone = try StoreFixture(panelSize: 0)
        defer { alone.remove() }
        let replicated = try StoreFixture(panelSize: 0, replication: .litestream)
        defer { replicated.remove() }
        // Then only the one on its own checkpoints after each commit that fills the WAL past 1,000 pages
        let autocheckpoint = { (fixture: StoreFixture) in
            try fixture.database.writer.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
            }
        }
        #expect(try autocheckpoint(alone) == 1000)
        #expect(try autocheckpoint(replicated) == 0)
        // And both still fsync every commit
        let synchronous = try replicated.database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(synchronous == 2)  // FULL
    }

    @Test func erasureDoesNotWaitForTheReplicatorsReadLock() throws {
        // Given a replicated database with a vote, and another connection holding a read transaction open, as
        // Litestream always does (so that no checkpoint overwrites frames it has not copied yet)
        let fixture = try StoreFixture(panelSize: 3, replication: .litestream)
        defer { fixture.remove() }
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        let panelist = try fixture.database.panelists(municipalityId: "utrecht")[0]
        _ = try fixture.database.castVote(roundId: round.id!, panelistId: panelist.id!, choice: .support, now: round.voteAt)
        let litestream = try DatabaseQueue(path: fixture.path)
        try litestream.inDatabase { db in
            try db.execute(sql: "BEGIN DEFERRED")
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM panelist")
            // When the panelist is erased while that reader holds its snapshot
            // (a TRUNCATE checkpoint would wait the 30 s busy timeout for it, then fail with SQLITE_BUSY)
            _ = try fixture.database.erase(panelistId: panelist.id!, now: round.voteAt)
            try db.execute(sql: "COMMIT")
        }
        // Then the erasure went through, and the vote still counts
        let erased = try #require(try fixture.database.panelist(panelist.id!))
        #expect(erased.erasedAt != nil && erased.email.hasSuffix("@verwijderd.invalid"))
        #expect(try fixture.database.caseOverview(round.caseId).votes?.support == 1)
    }
}
