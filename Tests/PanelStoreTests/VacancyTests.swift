import Foundation
import GRDB
import PanelCore
import Testing

@testable import PanelStore

/// Empty seats: who leaves, who is told, which reserve is asked, and what taking the seat does.
@Suite struct VacancyTests {
    /// A drawn panel of 4 from 7 confirmed volunteers (two of them one household), with 3 reserves.
    static func drawnPanel(_ fixture: StoreFixture) throws -> (record: SelectionRecord, members: [Panelist]) {
        try fixture.database.writer.write { db in
            for index in 1...7 {
                try db.execute(
                    sql: """
                        INSERT INTO volunteer (municipalityId, email, household, answers, status, createdAt)
                        VALUES ('utrecht', ?, ?, ?, 'confirmed', ?)
                        """,
                    arguments: [
                        "v\(index)@example.nl", index >= 6 ? "Laan 6" : nil,
                        #"{"gender":"\#(index % 2 == 0 ? "man" : "vrouw")"}"#, fixture.start,
                    ])
            }
        }
        let pool = try fixture.database.volunteers(municipalityId: "utrecht", status: .confirmed).map {
            Volunteer(id: $0.id!, household: $0.household, features: $0.answerValues)
        }
        let quotas = [
            Quota(category: "gender", value: "vrouw", minimum: 2, maximum: 2),
            Quota(category: "gender", value: "man", minimum: 2, maximum: 2),
        ]
        let (record, _) = try SelectionRecord.draw(
            size: 4, pool: pool, quotas: quotas, seed: 11, replicas: 50, reserves: 3, invited: 20)
        _ = try fixture.database.recordSelection(
            municipalityId: "utrecht", record: record, termEndsAt: fixture.start.addingTimeInterval(365 * 86_400),
            now: fixture.start)
        return (record, try fixture.database.panelists(municipalityId: "utrecht"))
    }

    /// Runs one round to its close; everyone in `voters` votes for.
    static func closedRound(_ fixture: StoreFixture, voters: [Int64], at start: Date) throws {
        let file = try CaseFile.parse(CaseFixture.text)
        let caseId = try fixture.database.submitCase(municipalityId: "utrecht", file: file, source: CaseFixture.text, now: start)
        let round = try fixture.database.approveCase(
            caseId, CaseApproval(timeline: Timeline.make(publishAt: start), override: true))
        try fixture.database.take(.publish, roundId: round.id!, now: start, messageDomain: "t.example")
        try fixture.database.take(.openVoting, roundId: round.id!, now: round.voteAt, messageDomain: "t.example")
        for voter in voters {
            _ = try fixture.database.castVote(roundId: round.id!, panelistId: voter, choice: .support, now: round.voteAt)
        }
        try fixture.database.take(.close, roundId: round.id!, now: round.deadline, messageDomain: "t.example")
    }

    @Test func aMemberSilentThroughTwoRoundsLeavesIsToldAndTheNextFittingReserveIsAsked() throws {
        let fixture = try StoreFixture(panelSize: 0)
        defer { fixture.remove() }
        let (record, members) = try Self.drawnPanel(fixture)
        #expect(members.count == 4 && (2...3).contains(record.reserves.count), "one per household")
        let silent = try #require(members.first)
        let others = members.dropFirst().map { $0.id! }
        // One silent round is not enough
        try Self.closedRound(fixture, voters: others, at: fixture.start.addingTimeInterval(86_400))
        var pass = try fixture.database.fillVacancies(
            now: fixture.start.addingTimeInterval(30 * 86_400), messageDomain: "t.example")
        #expect(pass.opened.isEmpty)
        try Self.closedRound(fixture, voters: others, at: fixture.start.addingTimeInterval(31 * 86_400))
        let now = fixture.start.addingTimeInterval(60 * 86_400)
        pass = try fixture.database.fillVacancies(now: now, messageDomain: "t.example")
        #expect(pass.opened.map(\.panelistId) == [silent.id!] && pass.opened.first?.reason == .silent)
        #expect(try fixture.database.panelist(silent.id!)?.status == .unsubscribed)
        // The seat goes to a reserve of the leaver's gender (the quotas allow exactly two of each), never one from a
        // member's household
        let invited = try #require(pass.invited.first)
        let gender = try #require(fixture.database.volunteer(invited)?.answerValues["gender"])
        #expect(gender == silent.gender)
        let outbox = try fixture.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, toAddress FROM outbox WHERE roundId IS NULL ORDER BY id")
        }
        #expect(outbox.map { $0["kind"] as String } == ["seat-released", "seat-offer"])
        #expect(outbox[0]["toAddress"] as String == silent.email)
        // A second pass asks nobody else while the offer runs
        #expect(
            try fixture.database.fillVacancies(now: now.addingTimeInterval(3_600), messageDomain: "t.example").invited.isEmpty)
        // Taking the seat fills it, once
        #expect(try fixture.database.takeSeat(volunteerId: invited, now: now.addingTimeInterval(7_200)) == .seated)
        #expect(try fixture.database.takeSeat(volunteerId: invited, now: now.addingTimeInterval(7_300)) == .alreadySeated)
        let vacancy = try #require(fixture.database.vacancies(municipalityId: "utrecht").first)
        #expect(vacancy.filledBy == invited)
        #expect(try fixture.database.panelists(municipalityId: "utrecht").filter { $0.status == .active }.count == 4)
    }

    @Test func anOfferNotTakenLapsesAndTheNextReserveIsAsked() throws {
        let fixture = try StoreFixture(panelSize: 0)
        defer { fixture.remove() }
        let (_, members) = try Self.drawnPanel(fixture)
        let leaver = try #require(members.first)
        _ = try fixture.database.unsubscribe(panelistId: leaver.id!, now: fixture.start.addingTimeInterval(86_400))
        let first = try fixture.database.fillVacancies(
            now: fixture.start.addingTimeInterval(2 * 86_400), messageDomain: "t.example")
        #expect(first.opened.first?.reason == .unsubscribed && first.invited.count == 1)
        let later = try fixture.database.fillVacancies(
            now: fixture.start.addingTimeInterval(Double(2 + AppDatabase.seatOfferDays) * 86_400), messageDomain: "t.example")
        #expect(later.lapsed == 1 && later.invited.count <= 1 && later.invited != first.invited)
        #expect(
            try fixture.database.takeSeat(volunteerId: first.invited[0], now: fixture.start.addingTimeInterval(20 * 86_400))
                == .notOffered)
    }
}
