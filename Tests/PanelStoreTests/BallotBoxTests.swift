import Foundation
import GRDB
import PanelCore
import Testing

@testable import PanelStore

/// Group commit: concurrent votes share transactions, each is recorded once, and a refused vote fails alone.
@Suite struct BallotBoxTests {
    /// A round in voting with the fixture's whole panel; returns it with the panelists' ids.
    func votingRound(_ fixture: StoreFixture) throws -> (Round, [Int64]) {
        let round = try fixture.approvedRound()
        try fixture.database.take(.publish, roundId: round.id!, now: fixture.start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        return (round, try fixture.database.panelists(municipalityId: "utrecht").map { $0.id! })
    }

    @Test func concurrentVotesAreEachRecordedOnceInSharedTransactions() async throws {
        // Given a round in voting with 600 panelists
        let fixture = try StoreFixture(panelSize: 600)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)

        // When they all vote at once, and the first 100 change their mind at once afterwards
        let receipts = try await withThrowingTaskGroup(of: VoteReceipt.self) { group in
            for (index, panelist) in panel.enumerated() {
                group.addTask {
                    try await box.cast(
                        roundId: round.id!, panelistId: panelist, choice: index % 3 == 0 ? .oppose : .support,
                        now: round.voteAt)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for panelist in panel.prefix(100) {
                group.addTask {
                    _ = try await box.cast(roundId: round.id!, panelistId: panelist, choice: .support, now: round.voteAt)
                }
            }
            try await group.waitForAll()
        }

        // Then every vote is there once, with the last choice, and the changes counted
        #expect(receipts.count == 600 && Set(receipts.map(\.vote.panelistId)) == Set(panel))
        let oppose = panel.indices.filter { $0 % 3 == 0 && $0 >= 100 }.count
        #expect(try fixture.database.tally(roundId: round.id!) == Tally(support: 600 - oppose, oppose: oppose, panelSize: 600))
        let changes = try await fixture.database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT SUM(changes) FROM vote WHERE roundId = ?", arguments: [round.id!])
        }
        #expect(changes == panel.prefix(100).indices.filter { $0 % 3 == 0 }.count)
        // …each row as its receipt said (read back through the record type: the same date encoding)
        let stored = try await fixture.database.reader.read { db in try Vote.fetchAll(db) }
        let receipted = Dictionary(receipts.map { ($0.vote.panelistId, $0.vote) }, uniquingKeysWith: { $1 })
        let votedOnce = Set(panel.dropFirst(100))
        for vote in stored where votedOnce.contains(vote.panelistId) { #expect(receipted[vote.panelistId] == vote) }
        #expect(stored.allSatisfy { $0.castAt == round.voteAt })
        // …in fewer transactions than votes
        let batches = box.state.withLock { $0.batches }
        #expect(batches < 700, "\(batches) transactions for 700 votes")
    }

    @Test func aReturnedVoteIsCommittedForEveryConnection() async throws {
        // Given a round in voting
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)

        // When a vote returns
        _ = try await box.cast(roundId: round.id!, panelistId: panel[0], choice: .oppose, now: round.voteAt)

        // Then another connection to the file (another process, say `tick`) already sees it
        let other = try DatabaseQueue(path: fixture.folder.appendingPathComponent("test.sqlite").path)
        let count = try await other.read { db in try Vote.fetchCount(db) }
        #expect(count == 1)
    }

    @Test func aRefusedVoteFailsAloneAndTheRestOfItsBatchCommits() async throws {
        // Given a round in voting, a panelist who joined after publication, and a writer busy with something else
        let fixture = try StoreFixture(panelSize: 10)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        _ = try fixture.database.importPanel(municipalityId: "utrecht", rows: [PanelistRow(email: "late@example.nl")])
        let late = try #require(try fixture.database.panelists(municipalityId: "utrecht").first { $0.email == "late@example.nl" })
        let box = BallotBox(database: fixture.database)
        let gate = DispatchSemaphore(value: 0)
        fixture.database.writer.asyncWriteWithoutTransaction { _ in gate.wait() }

        // When valid votes and refused ones wait for the same turn of the writer
        let refused: [(Int64, Date, StoreError)] = [
            (late.id!, round.voteAt, .notInPanel), (panel[0], round.deadline, .votingClosed),
            (999_999, round.voteAt, .unknownPanelist),
        ]
        let outcomes = Task {
            try await withThrowingTaskGroup(of: (Int64, StoreError?).self) { group in
                for panelist in panel.dropFirst() {
                    group.addTask {
                        _ = try await box.cast(roundId: round.id!, panelistId: panelist, choice: .support, now: round.voteAt)
                        return (panelist, nil)
                    }
                }
                for (panelist, now, _) in refused {
                    group.addTask {
                        do {
                            _ = try await box.cast(roundId: round.id!, panelistId: panelist, choice: .oppose, now: now)
                            return (panelist, nil)
                        } catch let error as StoreError {
                            return (panelist, error)
                        }
                    }
                }
                return try await group.reduce(into: [Int64: StoreError?]()) { $0[$1.0] = $1.1 }
            }
        }
        try await waitUntil { box.state.withLock({ $0.waiting.count }) >= panel.count - 1 + refused.count }
        gate.signal()
        let results = try await outcomes.value

        // Then they were one transaction: each refused vote got its own error, the others are recorded
        #expect(box.state.withLock { $0.batches } == 1)
        for (panelist, _, error) in refused { #expect(results[panelist] == .some(error), "panelist \(panelist)") }
        for panelist in panel.dropFirst() { #expect(results[panelist] == .some(nil), "panelist \(panelist)") }
        #expect(try fixture.database.tally(roundId: round.id!) == Tally(support: 9, oppose: 0, panelSize: 10))
    }

    @Test func aVoteReplacedInTheSameBatchIsAnsweredWithTheVoteThatCounts() async throws {
        // Given a round in voting and a writer busy with something else
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)
        let gate = DispatchSemaphore(value: 0)
        fixture.database.writer.asyncWriteWithoutTransaction { _ in gate.wait() }

        // When a panelist clicks "voor" and then, quickly, "tegen", and both wait for the same turn of the writer
        let first = Task {
            try await box.cast(roundId: round.id!, panelistId: panel[0], choice: .support, now: round.voteAt)
        }
        try await waitUntil { box.state.withLock({ $0.waiting.count }) >= 1 }
        let second = Task {
            try await box.cast(roundId: round.id!, panelistId: panel[0], choice: .oppose, now: round.voteAt)
        }
        try await waitUntil { box.state.withLock({ $0.waiting.count }) >= 2 }
        gate.signal()
        let answers = [try await first.value, try await second.value]

        // Then the last click is stored, and both answers name it: neither page says "voor" counts
        #expect(box.state.withLock { $0.batches } == 1)
        let stored = try await fixture.database.reader.read { db in try Vote.fetchAll(db) }
        #expect(stored.map(\.choice) == [.oppose])
        for answer in answers { #expect(answer.vote == stored.first, "answered \(answer.vote.choice)") }
    }

    @Test func aVoteReceivedEarlierButCommittedLaterDoesNotReplaceTheLaterOne() async throws {
        // Given a round in voting, and two clicks of one panelist: "voor" received first, then "tegen"
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)
        let earlier = box.receive(roundId: round.id!, panelistId: panel[0])
        let later = box.receive(roundId: round.id!, panelistId: panel[0])

        // When "tegen" reaches the database first (the other request was slower to send its body)
        let counted = try await box.cast(later, choice: .oppose, now: round.voteAt)
        let late = try await box.cast(earlier, choice: .support, now: round.voteAt)

        // Then "tegen", received last, stays stored, and the late answer says so instead of claiming "voor" counts
        let stored = try await fixture.database.reader.read { db in try Vote.fetchAll(db) }
        #expect(stored.map(\.choice) == [.oppose])
        #expect(stored.first?.changes == 0)
        #expect(counted.vote == stored.first && counted.choice == .oppose)
        #expect(late.vote == stored.first && late.choice == .support)
        // And a vote received after both replaces it as before
        _ = try await box.cast(roundId: round.id!, panelistId: panel[0], choice: .support, now: round.voteAt)
        #expect(try fixture.database.tally(roundId: round.id!) == Tally(support: 1, oppose: 0, panelSize: 3))
    }

    @Test func theAnswerToAVoteWaitsForAVoteReceivedAfterItInALaterBatch() async throws {
        // Given a round in voting, and two clicks of one panelist: "voor" received first, then "tegen"
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)
        let first = box.receive(roundId: round.id!, panelistId: panel[0])
        let second = box.receive(roundId: round.id!, panelistId: panel[0])

        // When "voor" commits alone, before "tegen" has even been cast (its body is still coming)
        let answer = Task { try await box.cast(first, choice: .support, now: round.voteAt) }
        try await waitUntil { !box.state.withLock({ $0.held.isEmpty }) }
        #expect(try fixture.database.tally(roundId: round.id!).support == 1)
        let counted = try await box.cast(second, choice: .oppose, now: round.voteAt)

        // Then the answer to "voor" came only after "tegen", and names it: both pages agree with what is stored
        let stored = try await fixture.database.reader.read { db in try Vote.fetchAll(db) }
        #expect(stored.map(\.choice) == [.oppose])
        #expect(counted.vote == stored.first)
        #expect(try await answer.value.vote == stored.first)
        #expect(box.state.withLock { $0.held.isEmpty && $0.received.isEmpty && $0.stored.isEmpty })
    }

    @Test func aWithdrawnVoteReleasesTheAnswerItHeldBack() async throws {
        // Given a vote answered while a later request of the same panelist is on its way
        let fixture = try StoreFixture(panelSize: 3)
        defer { fixture.remove() }
        let (round, panel) = try votingRound(fixture)
        let box = BallotBox(database: fixture.database)
        let first = box.receive(roundId: round.id!, panelistId: panel[0])
        let second = box.receive(roundId: round.id!, panelistId: panel[0])
        let answer = Task { try await box.cast(first, choice: .support, now: round.voteAt) }
        try await waitUntil { !box.state.withLock({ $0.held.isEmpty }) }

        // When that request fails before its vote is cast (its body never came)
        box.withdraw(second)

        // Then the first vote is answered with itself
        #expect(try await answer.value.vote.choice == .support)
        #expect(box.state.withLock { $0.held.isEmpty && $0.received.isEmpty })
    }
}

/// Polls `condition` every 5 ms; fails the test after `seconds` instead of hanging it. Generous: under
/// `swift test --parallel` on two cores, end-to-end tests waiting on processes can hold the cooperative pool for a
/// while, and these tasks need it.
func waitUntil(
    seconds: Double = 120, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(seconds) s", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}
